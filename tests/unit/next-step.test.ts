import { describe, expect, it } from "vitest";
import type { LessonState } from "@/lib/progress/course-progress";
import { courseStep } from "@/lib/progress/next-step";

const lessons = [1, 2, 3, 4].map((part) => ({ slug: `p${part}`, part }));
const state = (completed: boolean): LessonState => ({
  completed,
  completedAt: null,
  visitedAt: null,
  lastSection: null,
  bestScore: null,
  bestMaxScore: null,
});
const last = (lesson: string, section: string | null = null) => ({ lesson, section, at: "2026-12-01" });

describe("the course page's main button", () => {
  it("starts a new learner at Part 1", () => {
    expect(courseStep(lessons, null)).toEqual({ kind: "start", lesson: lessons[0] });
    expect(courseStep(lessons, { lessons: {}, last: null })).toMatchObject({ kind: "start" });
  });

  it("continues with the part last read, at its section, while it is unfinished", () => {
    const step = courseStep(lessons, {
      lessons: { p1: state(true), p3: state(false) },
      last: last("p3", "s"),
    });
    expect(step).toEqual({ kind: "continue", lesson: lessons[2], section: "s" });
  });

  it("moves on to the next unfinished part once the last one read is done", () => {
    const progress = { lessons: { p2: state(true), p3: state(true) }, last: last("p2") };
    expect(courseStep(lessons, progress)).toEqual({ kind: "continue", lesson: lessons[3], section: null });
    // Nothing unfinished after it: back to the first unfinished part.
    const end = { lessons: { p3: state(true), p4: state(true) }, last: last("p4") };
    expect(courseStep(lessons, end)).toEqual({ kind: "continue", lesson: lessons[0], section: null });
  });

  it("offers a review when every part is complete", () => {
    const all = Object.fromEntries(lessons.map((l) => [l.slug, state(true)]));
    expect(courseStep(lessons, { lessons: all, last: last("p2") })).toEqual({
      kind: "review",
      lesson: lessons[0],
    });
  });
});
