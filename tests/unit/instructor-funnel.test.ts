import { describe, expect, it } from "vitest";
import { countSplit, courseFunnel, type ProgressRecord } from "@/lib/instructor/funnel";

const parts = [
  { part: 2, slug: "two", title: "Two", published: true },
  { part: 1, slug: "one", title: "One", published: true },
  { part: 3, slug: "three", title: "Three", published: false },
];

const row = (
  learnerId: string,
  anonymous: boolean,
  lessonSlug: string,
  completed: boolean,
): ProgressRecord => ({
  learnerId,
  anonymous,
  lessonSlug,
  completed,
});

const rows = [
  row("ann", false, "one", true),
  row("ann", false, "two", true),
  row("ben", true, "one", true),
  row("ben", true, "two", false),
  row("cy", true, "one", true),
  row("cy", true, "two", true),
  row("dee", true, "elsewhere", true), // a lesson that is not a part of this course
];

describe("courseFunnel", () => {
  const funnel = courseFunnel(parts, rows);

  it("counts learners with any progress as started, anonymous and signed-up apart", () => {
    expect(funnel.started).toEqual({ anonymous: 2, signedUp: 1, total: 3 });
  });

  it("lists parts from Part 1 on, with who started and who completed each", () => {
    expect(funnel.parts.map((p) => p.part)).toEqual([1, 2, 3]);
    expect(funnel.parts[0]!.completed).toEqual({ anonymous: 2, signedUp: 1, total: 3 });
    expect(funnel.parts[1]!.started).toEqual({ anonymous: 2, signedUp: 1, total: 3 });
    expect(funnel.parts[1]!.completed).toEqual({ anonymous: 1, signedUp: 1, total: 2 });
    expect(funnel.parts[2]).toMatchObject({ published: false, completed: { total: 0 } });
  });

  it("completing the course means completing every published part (unpublished ones are not required)", () => {
    expect(funnel.completedCourse).toEqual({ anonymous: 1, signedUp: 1, total: 2 });
  });

  it("a course without learners has zeros everywhere", () => {
    const empty = courseFunnel(parts, []);
    expect(empty.started.total).toBe(0);
    expect(empty.completedCourse.total).toBe(0);
  });

  it("counts each learner once however many rows they have", () => {
    expect(countSplit([row("a", true, "x", true), row("a", true, "y", true)])).toEqual({
      anonymous: 1,
      signedUp: 0,
      total: 1,
    });
  });
});
