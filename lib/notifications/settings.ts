import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { MailList } from "./lists";

export type NotificationChoices = {
  /** Replies to my comments. */
  replies: boolean;
  /** New comments in discussions I follow. */
  followed: boolean;
  /** Courses whose daily digest of new and reported comments I get (instructors and admins). */
  courseDigests: string[];
};

/** A person's choices; defaults (both discussion mails on, no course digest) until first saved. */
export async function getNotificationChoices(userId: string): Promise<NotificationChoices> {
  const [setting, digests] = await Promise.all([
    db.notificationSetting.findUnique({ where: { userId }, select: { replies: true, followed: true } }),
    db.courseDigest.findMany({
      where: { userId },
      select: { courseSlug: true },
      orderBy: { courseSlug: "asc" },
    }),
  ]);
  return {
    replies: setting?.replies ?? true,
    followed: setting?.followed ?? true,
    courseDigests: digests.map((d) => d.courseSlug),
  };
}

/** Creates the settings row with the defaults unless it exists (so it can be updated and claimed). */
export async function ensureNotificationSetting(userId: string): Promise<void> {
  try {
    await db.notificationSetting.upsert({ where: { userId }, create: { userId }, update: {} });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Saves the discussion choices and, for staff, the set of course digests. */
export async function saveNotificationChoices(
  userId: string,
  choices: Pick<NotificationChoices, "replies" | "followed"> & { courseDigests?: string[] },
): Promise<void> {
  await ensureNotificationSetting(userId);
  await db.$transaction([
    db.notificationSetting.update({
      where: { userId },
      data: { replies: choices.replies, followed: choices.followed },
    }),
    ...(choices.courseDigests
      ? [
          db.courseDigest.deleteMany({ where: { userId, courseSlug: { notIn: choices.courseDigests } } }),
          ...choices.courseDigests.map((courseSlug) =>
            db.courseDigest.upsert({
              where: { userId_courseSlug: { userId, courseSlug } },
              create: { userId, courseSlug },
              update: {},
            }),
          ),
        ]
      : []),
  ]);
}

/** Ends one list for a person: discussion mails (replies and followed) or every course digest. */
export async function unsubscribe(userId: string, list: MailList): Promise<void> {
  // An account deleted since the mail went out has nothing left to unsubscribe.
  if ((await db.user.count({ where: { id: userId } })) === 0) return;
  if (list === "course-digest") {
    await db.courseDigest.deleteMany({ where: { userId } });
    return;
  }
  await ensureNotificationSetting(userId);
  await db.notificationSetting.update({ where: { userId }, data: { replies: false, followed: false } });
}
