// Discussion notifications end to end below the browser, once per provider: who is notified of a
// new comment, when digests go out (MAIL_DIGEST_MINUTES), what settings, follows, unconfirmed
// addresses and moderation change, and the instructors' daily course digest.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_REASONS } from "@/lib/comments/limits";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let createComment: typeof import("@/lib/comments/queries").createComment;
let findComment: typeof import("@/lib/comments/queries").findComment;
let record: typeof import("@/lib/notifications/record").recordCommentNotifications;
let digests: typeof import("@/lib/notifications/digest").queueDueDigests;
let courseDigests: typeof import("@/lib/notifications/course-digest").queueDueCourseDigests;
let follows: typeof import("@/lib/notifications/follows");
let settings: typeof import("@/lib/notifications/settings");
let tokens: typeof import("@/lib/notifications/unsubscribe-token");

const site = { name: "Lectern", url: "https://lectern.test" };
const secret = "a-test-secret-that-is-long-enough-0000000000";
const MINUTE = 60_000;

beforeAll(async () => {
  database = await migratedTestDatabase("notify");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  ({ createComment, findComment } = await import("@/lib/comments/queries"));
  ({ recordCommentNotifications: record } = await import("@/lib/notifications/record"));
  ({ queueDueDigests: digests } = await import("@/lib/notifications/digest"));
  ({ queueDueCourseDigests: courseDigests } = await import("@/lib/notifications/course-digest"));
  follows = await import("@/lib/notifications/follows");
  settings = await import("@/lib/notifications/settings");
  tokens = await import("@/lib/notifications/unsubscribe-token");
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function person(name: string, verified = true, role = "learner") {
  const id = randomUUID().replace(/-/g, "");
  await db.user.create({
    data: { id, name, email: `${id.slice(0, 8)}@example.test`, emailVerified: verified, role },
  });
  return { id, name };
}

/** A lesson of its own per test, so follows and threads do not mix. */
const lessons = ["what-is-docker", "first-container", "images-and-layers", "writing-dockerfiles", "volumes"];
let next = 0;
const lesson = () => lessons[next++ % lessons.length] as string;

async function comment(author: { id: string }, where: string, body: string, inReplyTo: string | null = null) {
  const { id } = await createComment({
    authorId: author.id,
    course: "docker",
    lesson: where,
    parent: inReplyTo ? await findComment(inReplyTo) : null,
    body,
    submissionId: randomUUID(),
  });
  await record({ id, authorId: author.id, course: "docker", lesson: where, inReplyTo });
  return id;
}

const mailTo = (userId: string) =>
  db.mailMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe(`discussion notifications on ${TEST_PROVIDER}`, () => {
  it("mails a reply to the comment's author and new comments to followers, at most once per interval", async () => {
    await db.mailMessage.deleteMany();
    const where = lesson();
    const ada = await person("Ada");
    const ben = await person("Ben");
    const cy = await person("Cy");
    const first = await comment(ada, where, "How do I keep data between runs?");
    expect(await follows.isFollowing({ userId: ada.id, course: "docker", lesson: where })).toBe(true);
    await comment(ben, where, "Use a named volume.", first);

    const t0 = new Date();
    expect(await digests({ now: t0, minutes: 60, site, secret })).toBe(1);
    const [toAda] = await mailTo(ada.id);
    expect(toAda?.subject).toBe(`Ben replied to your comment on "Part 1: What Containers Are (and Aren't)"`);
    expect(toAda?.text).toContain("> Use a named volume.");
    expect(toAda?.text).toContain(`${site.url}/courses/docker/${where}/discussion#comment-`);
    const headers = JSON.parse(toAda?.headers ?? "{}");
    expect(headers["List-Unsubscribe"]).toMatch(/^<https:\/\/lectern\.test\/api\/unsubscribe\?token=.+>$/);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    await comment(cy, where, "Bind mounts work too.");
    // Ben's first digest goes at once; Ada had one a minute ago and waits out the interval.
    expect(await digests({ now: new Date(t0.getTime() + MINUTE), minutes: 60, site, secret })).toBe(1);
    expect(await mailTo(ben.id)).toHaveLength(1);
    expect(await mailTo(ada.id)).toHaveLength(1);
    expect(await digests({ now: new Date(t0.getTime() + 61 * MINUTE), minutes: 60, site, secret })).toBe(1);
    const adaMails = await mailTo(ada.id);
    expect(adaMails).toHaveLength(2);
    expect(adaMails[1]?.subject).toBe(`Cy commented on "Part 1: What Containers Are (and Aren't)"`);
    // Nothing left: nothing more is sent.
    expect(await digests({ now: new Date(t0.getTime() + 200 * MINUTE), minutes: 60, site, secret })).toBe(0);
  });

  it("sends nothing to someone who turned the kind off, unfollowed, or has not confirmed their address", async () => {
    const where = lesson();
    const quiet = await person("Quiet");
    const unconfirmed = await person("Unconfirmed", false);
    const leaver = await person("Leaver");
    const poster = await person("Poster");
    await comment(quiet, where, "first");
    await comment(unconfirmed, where, "second");
    await comment(leaver, where, "third");
    await settings.saveNotificationChoices(quiet.id, { replies: true, followed: false });
    await follows.setFollowing({ userId: leaver.id, course: "docker", lesson: where }, false);
    await comment(leaver, where, "commenting again does not follow again");
    expect(await follows.isFollowing({ userId: leaver.id, course: "docker", lesson: where })).toBe(false);
    await comment(poster, where, "anyone there?");
    await digests({ now: new Date(), minutes: 60, site, secret });
    for (const p of [quiet, unconfirmed, leaver]) expect(await mailTo(p.id)).toHaveLength(0);
    // What was dropped is not kept for later, and the clock did not move for nothing.
    expect(await db.notification.count({ where: { userId: quiet.id, digestedAt: null } })).toBe(0);
    expect(
      (await db.notificationSetting.findUnique({ where: { userId: quiet.id } }))?.lastDigestAt,
    ).toBeNull();
    // A reply still reaches the person who only turned followed discussions off.
    const theirs = await db.comment.findFirstOrThrow({ where: { authorId: quiet.id } });
    await comment(poster, where, "replying to you", theirs.id);
    await digests({ now: new Date(), minutes: 60, site, secret });
    expect(await mailTo(quiet.id)).toHaveLength(1);
  });

  it("leaves out comments hidden or deleted before the digest", async () => {
    const where = lesson();
    const reader = await person("Reader");
    const spammer = await person("Spammer");
    await comment(reader, where, "a question");
    const spam = await comment(spammer, where, "buy now");
    await db.comment.update({ where: { id: spam }, data: { hiddenAt: new Date() } });
    await digests({ now: new Date(), minutes: 60, site, secret });
    expect(await mailTo(reader.id)).toHaveLength(0);
  });

  it("queues one digest per person when several servers run the job at once", async () => {
    const where = lesson();
    const owner = await person("Owner");
    await comment(owner, where, "mine");
    for (let i = 0; i < 3; i++) await comment(await person(`Replier ${i}`), where, `reply ${i}`);
    const now = new Date();
    await Promise.all(Array.from({ length: 4 }, () => digests({ now, minutes: 60, site, secret })));
    const mails = await mailTo(owner.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("3 new comments in discussions you follow on Lectern");
  });

  it("an unsubscribe link turns discussion mail off for its owner only, and a forged one does nothing", async () => {
    const owner = await person("Owner");
    const token = tokens.unsubscribeToken(owner.id, "discussions", secret);
    expect(tokens.readUnsubscribeToken(token, secret)).toEqual({ userId: owner.id, list: "discussions" });
    expect(tokens.readUnsubscribeToken(token, `${secret}x`)).toBeNull();
    expect(tokens.readUnsubscribeToken(token.replace(owner.id, "someone"), secret)).toBeNull();
    expect(tokens.readUnsubscribeToken(`${token.slice(0, -1)}A`, secret)).toBeNull();
    await settings.unsubscribe(owner.id, "discussions");
    expect(await settings.getNotificationChoices(owner.id)).toMatchObject({
      replies: false,
      followed: false,
    });
  });

  it("gives instructors a daily digest of new and reported comments in the courses they chose", async () => {
    const teacher = await person("Teacher", true, "instructor");
    const learner = await person("Learner", true, "learner");
    await settings.saveNotificationChoices(teacher.id, {
      replies: true,
      followed: true,
      courseDigests: ["docker"],
    });
    // Learners cannot get it, even with a row.
    await db.courseDigest.create({ data: { userId: learner.id, courseSlug: "docker" } });
    const where = lesson();
    const reported = await comment(learner, where, "something rude");
    await db.commentReport.create({ data: { commentId: reported, reporterId: teacher.id, reason: "abuse" } });
    const now = new Date(Date.now() + 1000);
    expect(await courseDigests({ now, site, secret, reasonLabels: REPORT_REASONS })).toBe(1);
    const [mail] = await mailTo(teacher.id);
    expect(mail?.kind).toBe("course-digest");
    expect(mail?.subject).toMatch(/^Daily digest: \d+ new comments?, 1 open report on Lectern$/);
    expect(mail?.text).toContain("reported: Harassment or abuse");
    expect(mail?.text).toContain("> something rude");
    expect(await mailTo(learner.id)).toHaveLength(0);
    // Within the day: nothing more.
    expect(
      await courseDigests({
        now: new Date(now.getTime() + 60 * MINUTE),
        site,
        secret,
        reasonLabels: REPORT_REASONS,
      }),
    ).toBe(0);
  });
});
