// Moderators' actions on an author against a real database, once per provider (`npm test`
// repeats the db-*.test.ts files on PostgreSQL): the flag and the log change together.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let moderation: typeof import("@/lib/comments/author-moderation");

beforeAll(async () => {
  database = await migratedTestDatabase("author-moderation");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  moderation = await import("@/lib/comments/author-moderation");
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const user = async (name: string) =>
  (
    await db.user.create({
      data: { id: randomUUID().replace(/-/g, ""), name, email: `${randomUUID()}@example.test` },
      select: { id: true },
    })
  ).id;

const comment = (authorId: string, data: { hiddenAt?: Date; deletedAt?: Date } = {}) =>
  db.comment.create({
    data: { courseSlug: "docker", lessonSlug: "volumes", authorId, body: "b", html: "<p>b</p>", ...data },
  });

describe(`author moderation on ${TEST_PROVIDER}`, () => {
  it("hides every visible comment of the author, no one else's, and records how many, by whom", async () => {
    const [author, other, moderator] = await Promise.all([user("Sam"), user("Ann"), user("Mo")]);
    await Promise.all([
      comment(author),
      comment(author),
      comment(author, { deletedAt: new Date() }),
      comment(other),
    ]);
    expect(await moderation.hideAllCommentsOf(author, moderator)).toBe(2);
    expect(await db.comment.count({ where: { authorId: author, hiddenAt: null, deletedAt: null } })).toBe(0);
    expect(await db.comment.count({ where: { authorId: other, hiddenAt: null } })).toBe(1);
    const standing = (await moderation.authorStandings([author])).get(author)!;
    expect(standing.history).toMatchObject([{ action: "hide-all", moderator: "Mo", comments: 2 }]);
  });

  it("suspends and lifts posting, newest record first, and lists the suspended without a queued comment", async () => {
    const [author, quiet, moderator] = await Promise.all([user("Sue"), user("Quiet"), user("Max")]);
    await moderation.setPostingSuspended(author, moderator, true);
    await moderation.setPostingSuspended(quiet, moderator, true);
    expect(await moderation.isPostingSuspended(author)).toBe(true);
    const standings = await moderation.authorStandings([author]);
    expect(standings.get(quiet)?.postingSuspendedAt).toBeInstanceOf(Date);
    await moderation.setPostingSuspended(author, moderator, false);
    expect(await moderation.isPostingSuspended(author)).toBe(false);
    const history = (await moderation.authorStandings([author])).get(author)!.history;
    expect(history.map((h) => h.action)).toEqual(["lift", "suspend"]);
  });

  it("keeps the record when the moderator's account is deleted", async () => {
    const [author, moderator] = await Promise.all([user("Kim"), user("Gone")]);
    await moderation.setPostingSuspended(author, moderator, true);
    await db.user.delete({ where: { id: moderator } });
    const history = (await moderation.authorStandings([author])).get(author)!.history;
    expect(history).toMatchObject([{ action: "suspend", moderator: null }]);
  });
});
