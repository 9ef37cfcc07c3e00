import "server-only";
import { db, direct } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { sql } from "@/lib/db/sql";

export type DiscussionKey = { userId: string; course: string; lesson: string };

const key = (k: DiscussionKey) => ({
  userId_courseSlug_lessonSlug: { userId: k.userId, courseSlug: k.course, lessonSlug: k.lesson },
});

/**
 * Follows a discussion the first time someone comments in it. A follow they turned off stays
 * off: commenting again is not a reason to overrule their choice.
 */
export async function followOnFirstComment(k: DiscussionKey): Promise<void> {
  // One statement, no race: an existing row (followed or not) is left as it is.
  const at = new Date();
  await direct.execute(sql`
    INSERT INTO "DiscussionFollow" ("userId", "courseSlug", "lessonSlug", "following", "createdAt", "updatedAt")
    VALUES (${k.userId}, ${k.course}, ${k.lesson}, ${true}, ${at}, ${at})
    ON CONFLICT ("userId", "courseSlug", "lessonSlug") DO NOTHING`);
}

/** Turns following a discussion on or off (the per-discussion toggle). */
export async function setFollowing(k: DiscussionKey, following: boolean): Promise<void> {
  try {
    await db.discussionFollow.upsert({
      where: key(k),
      create: { userId: k.userId, courseSlug: k.course, lessonSlug: k.lesson, following },
      update: { following },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db.discussionFollow.update({ where: key(k), data: { following } });
  }
}

/** Whether this person follows this discussion. */
export async function isFollowing(k: DiscussionKey): Promise<boolean> {
  const row = await db.discussionFollow.findUnique({ where: key(k), select: { following: true } });
  return row?.following ?? false;
}

/** The discussions a person follows, most recently followed first. */
export async function followedDiscussions(userId: string): Promise<{ course: string; lesson: string }[]> {
  const rows = await db.discussionFollow.findMany({
    where: { userId, following: true },
    select: { courseSlug: true, lessonSlug: true },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({ course: r.courseSlug, lesson: r.lessonSlug }));
}
