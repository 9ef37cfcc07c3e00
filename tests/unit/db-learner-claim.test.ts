// Issue 15: once an account claims an anonymous learner (the merge at sign-in), the id in that
// anonymous cookie must name no learner any more, so that no copy of the cookie reads or writes
// the account's progress. Run once per provider, as every db-*.test.ts file.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let merge: typeof import("@/lib/progress/merge").mergeAnonymousLearner;
let anonymousLearner: typeof import("@/lib/auth/identity").knownAnonymousLearner;
let setLessonComplete: typeof import("@/lib/progress/progress").setLessonComplete;

beforeAll(async () => {
  database = await migratedTestDatabase("learner-claim");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  ({ mergeAnonymousLearner: merge } = await import("@/lib/progress/merge"));
  ({ knownAnonymousLearner: anonymousLearner } = await import("@/lib/auth/identity"));
  ({ setLessonComplete } = await import("@/lib/progress/progress"));
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const newUser = () =>
  db.user.create({
    data: { id: randomUUID(), name: "Claim", email: `${randomUUID()}@example.test`, emailVerified: false },
  });

describe(`claiming an anonymous learner on ${TEST_PROVIDER}`, () => {
  it("at an account's first sign-in, moves the progress and retires the anonymous id", async () => {
    const user = await newUser();
    const anon = (await db.learner.create({ data: {} })).id;
    await setLessonComplete({ learnerId: anon, course: "docker", lesson: "volumes" }, true);
    expect(await anonymousLearner(anon)).toBe(anon);
    const account = await merge(user.id, anon);
    expect(account).not.toBe(anon);
    expect(await db.learner.findUnique({ where: { id: anon } })).toBeNull();
    expect(await anonymousLearner(anon)).toBeNull();
    const rows = await db.lessonProgress.findMany({ where: { learnerId: account } });
    expect(rows.map((r) => r.lessonSlug)).toEqual(["volumes"]);
  });

  it("two sign-ins of one account at once claim the anonymous learner once", async () => {
    const user = await newUser();
    const anon = (await db.learner.create({ data: {} })).id;
    await setLessonComplete({ learnerId: anon, course: "docker", lesson: "networking" }, true);
    const [a, b] = await Promise.all([merge(user.id, anon), merge(user.id, anon)]);
    expect(a).toBe(b);
    expect(await db.learner.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.learner.findUnique({ where: { id: anon } })).toBeNull();
    expect(await db.lessonProgress.count({ where: { learnerId: a } })).toBe(1);
  });

  it("an id that already belongs to an account is no anonymous learner (rows claimed before this fix)", async () => {
    const user = await newUser();
    const claimed = (await db.learner.create({ data: { userId: user.id } })).id;
    expect(await anonymousLearner(claimed)).toBeNull();
  });
});
