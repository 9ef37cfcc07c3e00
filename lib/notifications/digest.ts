import "server-only";
import { getLessonEntry } from "@/lib/content/catalog";
import { db } from "@/lib/db";
import type { Site } from "@/lib/mail/layout";
import { enqueueMail } from "@/lib/mail/queue";
import { commentUrl, discussionUrl, unsubscribeLinks } from "./links";
import { ensureNotificationSetting } from "./settings";
import { type DigestGroup, digestMail } from "./templates";

const MINUTE = 60_000;

/**
 * The discussion digests that are due: for each person with notifications waiting whose last
 * digest is at least `minutes` old, one mail with everything waiting (or nothing, when their
 * settings, an unverified address or removed comments leave nothing to say). Returns how many
 * mails were queued. Safe to run on several servers at once: each person's digest is claimed
 * with a compare-and-set on their last digest time.
 */
export async function queueDueDigests(input: {
  now: Date;
  minutes: number;
  site: Site;
  secret: string;
  limit?: number;
}): Promise<number> {
  const cutoff = new Date(input.now.getTime() - input.minutes * MINUTE);
  const eligible = [
    { notificationSetting: null },
    { notificationSetting: { lastDigestAt: null } },
    { notificationSetting: { lastDigestAt: { lte: cutoff } } },
  ];
  const people = await db.notification.findMany({
    where: { digestedAt: null, user: { OR: eligible } },
    distinct: ["userId"],
    select: { userId: true },
    take: input.limit ?? 50,
  });
  let queued = 0;
  for (const { userId } of people) if (await digestFor(userId, cutoff, input)) queued++;
  return queued;
}

async function digestFor(
  userId: string,
  cutoff: Date,
  input: { now: Date; minutes: number; site: Site; secret: string },
): Promise<boolean> {
  await ensureNotificationSetting(userId);
  const setting = await db.notificationSetting.findUnique({
    where: { userId },
    select: { replies: true, followed: true, lastDigestAt: true },
  });
  if (!setting || (setting.lastDigestAt && setting.lastDigestAt > cutoff)) return false;
  return db.$transaction(
    async (tx) => {
      // Compare-and-set: only the sender that moves the clock from the value it read goes on.
      const claim = await tx.notificationSetting.updateMany({
        where: { userId, lastDigestAt: setting.lastDigestAt },
        data: { lastDigestAt: input.now },
      });
      if (claim.count !== 1) return false;
      const [user, pending] = await Promise.all([
        tx.user.findUnique({
          where: { id: userId },
          select: { name: true, email: true, emailVerified: true },
        }),
        tx.notification.findMany({
          where: { userId, digestedAt: null },
          orderBy: { createdAt: "asc" },
          take: 100,
          select: {
            id: true,
            reason: true,
            comment: {
              select: {
                id: true,
                courseSlug: true,
                lessonSlug: true,
                body: true,
                deletedAt: true,
                hiddenAt: true,
                author: { select: { name: true } },
              },
            },
          },
        }),
      ]);
      if (pending.length > 0)
        await tx.notification.updateMany({
          where: { id: { in: pending.map((p) => p.id) } },
          data: { digestedAt: input.now },
        });
      const wanted = user?.emailVerified
        ? pending.filter(
            (p) =>
              (p.reason === "reply" ? setting.replies : setting.followed) &&
              !p.comment.deletedAt &&
              !p.comment.hiddenAt,
          )
        : [];
      if (!user || wanted.length === 0) {
        // Nothing went out: the next notification need not wait a whole interval.
        await tx.notificationSetting.update({
          where: { userId },
          data: { lastDigestAt: setting.lastDigestAt },
        });
        return false;
      }
      const groups = new Map<string, DigestGroup>();
      for (const p of wanted) {
        const { courseSlug: course, lessonSlug: lesson } = p.comment;
        const key = `${course}/${lesson}`;
        let group = groups.get(key);
        if (!group) {
          const entry = getLessonEntry(course, lesson);
          group = {
            title: entry ? `Part ${entry.lesson.part}: ${entry.lesson.title}` : lesson,
            url: discussionUrl(input.site, course, lesson),
            comments: [],
          };
          groups.set(key, group);
        }
        group.comments.push({
          author: p.comment.author?.name ?? "Someone",
          text: p.comment.body,
          reason: p.reason === "reply" ? "reply" : "followed",
          url: commentUrl(input.site, course, lesson, p.comment.id),
        });
      }
      const links = unsubscribeLinks(input.site, userId, "discussions", input.secret);
      const content = digestMail({
        site: input.site,
        recipient: user.name,
        groups: [...groups.values()],
        minutes: input.minutes,
        unsubscribeUrl: links.unsubscribeUrl,
        settingsUrl: links.settingsUrl,
      });
      await enqueueMail({ ...content, kind: "digest", to: user.email, userId, headers: links.headers }, tx);
      return true;
    },
    { maxWait: 5_000, timeout: 15_000 },
  );
}
