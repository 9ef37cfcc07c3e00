import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlugSchema } from "@/lib/content/slug";
import { isSlug } from "@/lib/content/slug-pattern";
import { exercisePathOf } from "@/lib/exercises/paths";

// The browser's zod-free slug check must accept exactly what SlugSchema accepts.
const slugish = fc.stringMatching(/^[a-z0-9-]{0,90}$/);
const anything = fc.oneof(
  slugish,
  fc.string({ maxLength: 100 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

describe("isSlug", () => {
  it("agrees with SlugSchema on generated strings", () => {
    fc.assert(
      fc.property(anything, (value) => {
        expect(isSlug(value)).toBe(SlugSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it("decides exercise links: slugs make the page's path, anything else the course list", () => {
    fc.assert(
      fc.property(anything, anything, anything, (course, lesson, id) => {
        const ok = [course, lesson, id].every((s) => SlugSchema.safeParse(s).success);
        expect(exercisePathOf(course, lesson, id)).toBe(
          ok ? `/courses/${course}/${lesson}/exercises/${id}` : "/courses",
        );
      }),
    );
    expect(exercisePathOf("docker", "multi-stage-builds", "slim-it")).toBe(
      "/courses/docker/multi-stage-builds/exercises/slim-it",
    );
    expect(isSlug("a".repeat(81))).toBe(false);
  });
});
