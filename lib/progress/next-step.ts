import type { CourseProgress } from "./course-progress";

type LessonRef = { slug: string; part: number };

/** What the course page's main button offers a learner, from their progress. */
export type CourseStep =
  | { kind: "start"; lesson: LessonRef }
  | { kind: "continue"; lesson: LessonRef; section: string | null }
  | { kind: "review"; lesson: LessonRef };

/**
 * The learner's next step in a course. New (nothing recorded): start with the first part.
 * Every part complete: review. Otherwise continue with the part last read if it is unfinished
 * (at the section they left), else the next unfinished part after it, else the first one.
 */
export function courseStep(
  lessons: LessonRef[],
  progress: Pick<CourseProgress, "lessons" | "last"> | null,
): CourseStep | null {
  const first = lessons[0];
  if (!first) return null;
  const states = progress?.lessons ?? {};
  const done = (l: LessonRef) => Boolean(states[l.slug]?.completed);
  if (lessons.every(done)) return { kind: "review", lesson: first };
  const started = Object.keys(states).length > 0 || Boolean(progress?.last);
  if (!started) return { kind: "start", lesson: first };
  const lastIndex = lessons.findIndex((l) => l.slug === progress?.last?.lesson);
  const last = lessons[lastIndex];
  if (last && !done(last))
    return { kind: "continue", lesson: last, section: progress?.last?.section ?? null };
  const after = lessons.slice(lastIndex + 1).find((l) => !done(l));
  return { kind: "continue", lesson: after ?? lessons.find((l) => !done(l))!, section: null };
}
