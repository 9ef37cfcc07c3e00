import "server-only";
import { getLessonEntry } from "@/lib/content/catalog";
import { loadLesson } from "@/lib/content/load";
import { readContentManifest } from "@/lib/content/manifest";
import { quizVersion } from "@/lib/content/quiz-public";
import type { QuizDefinition } from "@/lib/content/quiz-schema";

/**
 * A lesson's quizzes with their answer keys, as the running build has them: from the build's
 * content manifest in production, compiled from the file in development.
 */
export async function lessonQuizzes(course: string, lesson: string): Promise<QuizDefinition[] | null> {
  const manifest = readContentManifest();
  if (manifest)
    return manifest.lessons.find((l) => l.course === course && l.lesson === lesson)?.quizzes ?? null;
  const entry = getLessonEntry(course, lesson);
  return entry ? (await loadLesson(entry.lesson)).quizzes : null;
}

/** The id of the heading a quiz sits under in its lesson (for links back to it), or null. */
export async function quizSection(course: string, lesson: string, quizId: string): Promise<string | null> {
  const manifest = readContentManifest();
  if (manifest)
    return (
      manifest.lessons.find((l) => l.course === course && l.lesson === lesson)?.quizSections?.[quizId] ?? null
    );
  const entry = getLessonEntry(course, lesson);
  return entry ? ((await loadLesson(entry.lesson)).quizSections[quizId] ?? null) : null;
}

/** The server's copy of a quiz (with its answer key) and its current version, or null. */
export async function findQuiz(
  course: string,
  lesson: string,
  quizId: string,
): Promise<{ quiz: QuizDefinition; version: string } | null> {
  const quiz = (await lessonQuizzes(course, lesson))?.find((q) => q.id === quizId);
  return quiz ? { quiz, version: quizVersion(quiz) } : null;
}
