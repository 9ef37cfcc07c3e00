import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { QuizDefinition } from "@/lib/content/quiz-schema";
import { env } from "@/lib/env";
import type { ExerciseDefinition } from "@/lib/exercise-engine/schema";
import { readCatalog } from "./catalog";
import { type LessonCompletion, lessonCompletion } from "./completion";
import { ContentError, type Diagnostic } from "./diagnostics";
import { loadLesson } from "./load";

/**
 * What the server needs at run time from the lessons it was built with: each lesson's quizzes
 * with their answer keys and its exercises with their checks, hints and solutions. Written next to the build (never under public/), so grading uses
 * exactly the quizzes that were prerendered, and a production server compiles no MDX.
 */
export type ContentManifest = {
  builtAt: string;
  lessons: {
    course: string;
    lesson: string;
    sourceHash: string;
    quizzes: QuizDefinition[];
    /** Each quiz's section heading id, for links back to it. */
    quizSections: Record<string, string | null>;
    exercises: ExerciseDefinition[];
    /** What completes the lesson (frontmatter `completion`, resolved; see lib/content/completion.ts). */
    completion: LessonCompletion;
  }[];
};

const FILE = "lectern-content.json";

function manifestPath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), env().LECTERN_DIST_DIR || ".next", FILE);
}

/**
 * Compiles every published lesson of the catalog (the same compile the lesson pages run) into
 * the manifest. Throws one ContentError naming every problem in every file, with its line and
 * column, so a build stops before `next build` with all of them at once.
 */
export async function compileContentManifest(): Promise<ContentManifest> {
  const { courses, diagnostics } = readCatalog();
  const errors: Diagnostic[] = diagnostics.filter((d) => d.severity === "error");
  const manifest: ContentManifest = { builtAt: new Date().toISOString(), lessons: [] };
  for (const course of courses) {
    for (const lesson of course.lessons) {
      try {
        const compiled = await loadLesson(lesson);
        const sourceHash = createHash("sha256").update(readFileSync(lesson.file)).digest("hex").slice(0, 16);
        manifest.lessons.push({
          course: course.slug,
          lesson: lesson.slug,
          sourceHash,
          quizzes: compiled.quizzes,
          quizSections: compiled.quizSections,
          exercises: compiled.exercises,
          completion: lessonCompletion(compiled),
        });
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        errors.push(...error.diagnostics.filter((d) => d.severity === "error"));
      }
    }
  }
  if (errors.length > 0) throw new ContentError(errors);
  return manifest;
}

/** Writes the manifest into the build folder (after `next build`, which empties it). */
export function writeContentManifest(manifest: ContentManifest): void {
  writeFileSync(manifestPath(), JSON.stringify(manifest));
}

let cached: ContentManifest | null | undefined;

/** The manifest of the running build, or null (development, or a build made without it). */
export function readContentManifest(): ContentManifest | null {
  if (cached !== undefined && process.env.NODE_ENV === "production") return cached;
  const file = manifestPath();
  cached =
    process.env.NODE_ENV === "production" && existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as ContentManifest)
      : null;
  return cached;
}
