import "server-only";
import { getCourse, getLessonEntry } from "@/lib/content/catalog";
import { db } from "@/lib/db";
import type { Site } from "@/lib/mail/layout";
import { enqueueMail } from "@/lib/mail/queue";
import { commentUrl, unsubscribeLinks } from "./links";
import { ensureNotificationSetting } from "./settings";
import { type CourseDigestSection, courseDigestMail } from "./templates";

const DAY = 24 * 60 * 60 * 1000;
const STAFF = ["instructor", "admin"];

type DigestInput = {
  now: Date;
  site: Site;
  secret: string;
  /**
   * The words moderators see for each report reason (REPORT_REASONS of lib/comments/limits.ts),
   * from the caller: lib/comments sits above this folder (posting a comment records notifications).
   */
  reasonLabels: Readonly<Record<string, string>>;
};

/**
 * The instructors' daily digests that are due: for each instructor or admin with a verified
 * address who chose course digests and got none in the last day, the comments posted since
 * their last digest and the open reports, in those courses. Nothing to report, no mail (the
 * day still counts). Claimed per person with a compare-and-set, like the discussion digest.
 */
export async function queueDueCourseDigests(input: DigestInput & { limit?: number }): Promise<number> {
  const cutoff = new Date(input.now.getTime() - DAY);
  const people = await db.courseDigest.findMany({
    where: {
      user: {
        role: { in: STAFF },
        emailVerified: true,
        OR: [
          { notificationSetting: null },
          { notificationSetting: { lastCourseDigestAt: null } },
          { notificationSetting: { lastCourseDigestAt: { lte: cutoff } } },
        ],
      },
    },
    distinct: ["userId"],
    select: { userId: true },
    take: input.limit ?? 50,
  });
  let queued = 0;
  for (const { userId } of people) if (await courseDigestFor(userId, cutoff, input)) queued++;
  return queued;
}

async function courseDigestFor(userId: string, cutoff: Date, input: DigestInput): Promise<boolean> {
  await ensureNotificationSetting(userId);
  const setting = await db.notificationSetting.findUnique({
    where: { userId },
    select: { lastCourseDigestAt: true },
  });
  const previous = setting?.lastCourseDigestAt ?? null;
  if (previous && previous > cutoff) return false;
  const claim = await db.notificationSetting.updateMany({
    where: { userId, lastCourseDigestAt: previous },
    data: { lastCourseDigestAt: input.now },
  });
  if (claim.count !== 1) return false;
  const since = previous ?? cutoff;
  const [user, chosen] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } }),
    db.courseDigest.findMany({
      where: { userId },
      select: { courseSlug: true },
      orderBy: { courseSlug: "asc" },
    }),
  ]);
  if (!user) return false;
  const visible = { deletedAt: null, hiddenAt: null };
  const select = {
    id: true,
    courseSlug: true,
    lessonSlug: true,
    body: true,
    author: { select: { name: true } },
  } as const;
  const sections: CourseDigestSection[] = [];
  for (const { courseSlug } of chosen) {
    const [fresh, reported] = await Promise.all([
      db.comment.findMany({
        where: { courseSlug, ...visible, createdAt: { gte: since, lt: input.now } },
        orderBy: { createdAt: "asc" },
        take: 50,
        select,
      }),
      db.comment.findMany({
        where: { courseSlug, deletedAt: null, reports: { some: { resolvedAt: null } } },
        orderBy: { createdAt: "asc" },
        take: 50,
        select: { ...select, reports: { where: { resolvedAt: null }, select: { reason: true } } },
      }),
    ]);
    if (fresh.length === 0 && reported.length === 0) continue;
    const view = (c: (typeof fresh)[number]) => {
      const entry = getLessonEntry(c.courseSlug, c.lessonSlug);
      return {
        author: c.author?.name ?? "[deleted account]",
        text: c.body,
        lesson: entry ? `Part ${entry.lesson.part}: ${entry.lesson.title}` : c.lessonSlug,
        url: commentUrl(input.site, c.courseSlug, c.lessonSlug, c.id),
      };
    };
    sections.push({
      title: getCourse(courseSlug)?.title ?? courseSlug,
      newComments: fresh.map(view),
      reports: reported.map((c) => ({
        ...view(c),
        reasons: [
          ...new Set(
            c.reports.map((r) =>
              Object.hasOwn(input.reasonLabels, r.reason)
                ? (input.reasonLabels[r.reason] as string)
                : r.reason,
            ),
          ),
        ],
      })),
    });
  }
  if (sections.length === 0) return false;
  const links = unsubscribeLinks(input.site, userId, "course-digest", input.secret);
  const content = courseDigestMail({
    site: input.site,
    recipient: user.name,
    courses: sections,
    moderationUrl: `${input.site.url}/moderation`,
    unsubscribeUrl: links.unsubscribeUrl,
    settingsUrl: links.settingsUrl,
  });
  await enqueueMail({ ...content, kind: "course-digest", to: user.email, userId, headers: links.headers });
  return true;
}
