import { SlugSchema } from "@/lib/content/slug";

/**
 * The exercise's own page (where the form without JavaScript lands). Segments that are not slugs
 * (a forged form) send the learner to the course list rather than anywhere else.
 */
export function exercisePathOf(course: string, lesson: string, exerciseId: string): string {
  const ok = [course, lesson, exerciseId].every((s) => SlugSchema.safeParse(s).success);
  return ok ? `/courses/${course}/${lesson}/exercises/${exerciseId}` : "/courses";
}
