import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { readCatalog } from "@/lib/content/catalog";
import { ContentError } from "@/lib/content/diagnostics";
import { SECRET_SETTING } from "@/lib/secret-setting";

export type SeedReport = { courses: number; lessons: number; removedLessons: number; secretCreated: boolean };

/**
 * Makes the database agree with content/: one Course row per course.json and one Lesson row
 * per published lesson (learner data is never touched), and creates the cookie-signing secret
 * on first run. Idempotent: running it again changes nothing that is already right.
 */
export async function seedCatalog(db: PrismaClient): Promise<SeedReport> {
  const { courses, diagnostics } = readCatalog();
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new ContentError(errors);

  const existingSecret = await db.setting.findUnique({ where: { key: SECRET_SETTING } });
  if (!existingSecret) {
    await db.setting.upsert({
      where: { key: SECRET_SETTING },
      create: { key: SECRET_SETTING, value: randomBytes(48).toString("base64url") },
      update: {},
    });
  }

  let lessonCount = 0;
  let removed = 0;
  for (const course of courses) {
    const contentHash = createHash("sha256")
      .update(JSON.stringify(course.lessons.map((l) => [l.slug, l.part, l.title, l.updated])))
      .digest("hex")
      .slice(0, 16);
    const row = await db.course.upsert({
      where: { slug: course.slug },
      create: { slug: course.slug, title: course.title, contentHash },
      update: { title: course.title, contentHash },
    });
    for (const lesson of course.lessons) {
      await db.lesson.upsert({
        where: { courseId_slug: { courseId: row.id, slug: lesson.slug } },
        create: { courseId: row.id, slug: lesson.slug, part: lesson.part, title: lesson.title },
        update: { part: lesson.part, title: lesson.title },
      });
      lessonCount++;
    }
    const gone = await db.lesson.deleteMany({
      where: { courseId: row.id, slug: { notIn: course.lessons.map((l) => l.slug) } },
    });
    removed += gone.count;
  }
  return {
    courses: courses.length,
    lessons: lessonCount,
    removedLessons: removed,
    secretCreated: !existingSecret,
  };
}
