import type { LessonTree } from "@/lib/content/lesson-tree";

/** What the lesson body's server HTML is rendered from. */
export type LessonBodySource = { tree: LessonTree; course: string; lesson: string };

// The page (a server component) and the server render of its client components (the HTML) run
// in the same process for one request or prerender, and share globalThis; modules do not (they
// are bundled twice). So the page leaves the lesson here, keyed by course and lesson, and
// <LessonBody> renders it into HTML without it ever entering the RSC payload.
const shared = globalThis as unknown as { __lecternLessonBodies?: Map<string, LessonBodySource> };
shared.__lecternLessonBodies ??= new Map();
const bodies = shared.__lecternLessonBodies;

/** The key of a lesson's body. */
export const lessonBodyKey = (course: string, lesson: string) => `${course}/${lesson}`;

/** Leaves a lesson for the server render of <LessonBody>; returns its key. */
export function handOverLessonBody(source: LessonBodySource): string {
  const key = lessonBodyKey(source.course, source.lesson);
  bodies.set(key, source);
  return key;
}

/** The lesson left under `key` (server render only). */
export function takeLessonBody(key: string): LessonBodySource | undefined {
  return bodies.get(key);
}
