import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { QuizDefinition } from "@/lib/content/quiz-schema";
import { env } from "@/lib/env";
import { type Course, readCatalog } from "./catalog";
import { loadLesson } from "./load";

/**
 * What the server needs at run time from the lessons it was built with: each lesson's quizzes
 * with their answer keys. Written next to the build (never under public/), so grading uses
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
  }[];
};

const FILE = "lectern-content.json";

function manifestPath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), env().LECTERN_DIST_DIR || ".next", FILE);
}

/** Compiles every published lesson and writes the manifest into the build folder. */
export async function writeContentManifest(
  courses: Course[] = readCatalog().courses,
): Promise<ContentManifest> {
  const manifest: ContentManifest = { builtAt: new Date().toISOString(), lessons: [] };
  for (const course of courses) {
    for (const lesson of course.lessons) {
      const compiled = await loadLesson(lesson);
      const sourceHash = createHash("sha256").update(readFileSync(lesson.file)).digest("hex").slice(0, 16);
      manifest.lessons.push({
        course: course.slug,
        lesson: lesson.slug,
        sourceHash,
        quizzes: compiled.quizzes,
        quizSections: compiled.quizSections,
      });
    }
  }
  writeFileSync(manifestPath(), JSON.stringify(manifest));
  return manifest;
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
