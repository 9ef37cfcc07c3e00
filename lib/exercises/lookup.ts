import "server-only";
import { getLessonEntry } from "@/lib/content/catalog";
import { type LessonCompletion, lessonCompletion } from "@/lib/content/completion";
import { loadLesson } from "@/lib/content/load";
import { readContentManifest } from "@/lib/content/manifest";
import { exerciseVersion } from "./public";
import type { ExerciseDefinition } from "./schema";

/**
 * A lesson's exercises with their checks, hints and solutions, as the running build has them:
 * from the build's content manifest in production, compiled from the file in development.
 * Null when there is no such lesson.
 */
export async function lessonExercises(course: string, lesson: string): Promise<ExerciseDefinition[] | null> {
  const manifest = readContentManifest();
  if (manifest) {
    const found = manifest.lessons.find((l) => l.course === course && l.lesson === lesson);
    return found ? (found.exercises ?? []) : null;
  }
  const entry = getLessonEntry(course, lesson);
  return entry ? (await loadLesson(entry.lesson)).exercises : null;
}

/** The server's copy of an exercise and its current version, or null. */
export async function findExercise(
  course: string,
  lesson: string,
  exerciseId: string,
): Promise<{ exercise: ExerciseDefinition; version: string } | null> {
  const exercise = (await lessonExercises(course, lesson))?.find((e) => e.id === exerciseId);
  return exercise ? { exercise, version: exerciseVersion(exercise) } : null;
}

/** What completes a lesson (quiz, exercises, both or none), or null when there is no such lesson. */
export async function lessonCompletionRule(course: string, lesson: string): Promise<LessonCompletion | null> {
  const manifest = readContentManifest();
  if (manifest) {
    const found = manifest.lessons.find((l) => l.course === course && l.lesson === lesson);
    if (!found) return null;
    // A manifest written before exercises existed has neither field.
    return found.completion ?? lessonCompletion({ frontmatter: {}, quizzes: found.quizzes, exercises: [] });
  }
  const entry = getLessonEntry(course, lesson);
  if (!entry) return null;
  return lessonCompletion(await loadLesson(entry.lesson));
}
