import { isSlug } from "@/lib/content/slug-pattern";

/**
 * The exercise's own page (where the form without JavaScript lands). Segments that are not slugs
 * (a forged form) send the learner to the course list rather than anywhere else. Runs in the
 * exercise island too: the zod-free check keeps zod out of the browser.
 */
export function exercisePathOf(course: string, lesson: string, exerciseId: string): string {
  const ok = [course, lesson, exerciseId].every(isSlug);
  return ok ? `/courses/${course}/${lesson}/exercises/${exerciseId}` : "/courses";
}
