import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { db } from "@/lib/db";
import { type CourseFunnel, courseFunnel } from "./funnel";

export type CourseLearners = { course: string; title: string; funnel: CourseFunnel };

/** The learner funnel of every course, from the progress rows (one per learner and lesson). */
export async function learnerOverview(): Promise<CourseLearners[]> {
  const out: CourseLearners[] = [];
  for (const course of getCatalog()) {
    const rows = await db.lessonProgress.findMany({
      where: { courseSlug: course.slug },
      select: { learnerId: true, lessonSlug: true, completedAt: true, learner: { select: { userId: true } } },
    });
    const funnel = courseFunnel(
      course.parts.map((p) => ({ part: p.part, slug: p.slug, title: p.title, published: Boolean(p.lesson) })),
      rows.map((r) => ({
        learnerId: r.learnerId,
        anonymous: r.learner.userId === null,
        lessonSlug: r.lessonSlug,
        completed: r.completedAt !== null,
      })),
    );
    out.push({ course: course.slug, title: course.title, funnel });
  }
  return out;
}
