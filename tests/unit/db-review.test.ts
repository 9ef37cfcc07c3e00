// Review cards against a real database, run once per provider (`npm test` repeats db-*.test.ts on
// PostgreSQL): what two tabs, a double submit or two app servers can do at once must leave one
// answer per round, lose no card and never fail a quiz attempt.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let recordAttempt: typeof import("@/lib/quiz/attempts").recordAttempt;
let cards: typeof import("@/lib/cards/cards");
let record: typeof import("@/lib/review/record");
let merge: typeof import("@/lib/progress/merge").mergeAnonymousLearner;
let resetCourseProgress: typeof import("@/lib/progress/progress").resetCourseProgress;
let ANSWERED_ELSEWHERE: string;

const DAY = 86_400_000;

beforeAll(async () => {
  database = await migratedTestDatabase("review");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  ({ recordAttempt } = await import("@/lib/quiz/attempts"));
  cards = await import("@/lib/cards/cards");
  record = await import("@/lib/review/record");
  ({ mergeAnonymousLearner: merge } = await import("@/lib/progress/merge"));
  ({ resetCourseProgress } = await import("@/lib/progress/progress"));
  ({ ANSWERED_ELSEWHERE } = await import("@/lib/review/messages"));
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const learner = async () => (await db.learner.create({ data: {} })).id;
/** Runs addCards' statement, as the quiz write's transaction does. */
const addCards = async (...args: Parameters<typeof cards.addCards>) => {
  const statement = cards.addCards(...args);
  if (statement) await (await import("@/lib/db")).direct.execute(statement);
};
const source = (itemId: string, lesson = "multi-stage-builds") =>
  ({ kind: "quiz", course: "docker", lesson, sourceId: "multi-stage-check", itemId }) as const;

const attempt = (learnerId: string, verdicts: Record<string, boolean>, submissionId = randomUUID()) => {
  const questions = Object.entries(verdicts).map(([id, correct]) => ({
    id,
    correct,
    points: correct ? 1 : 0,
    maxPoints: 1,
  }));
  const score = questions.filter((q) => q.correct).length;
  return {
    learnerId,
    submissionId,
    course: "docker",
    lesson: "multi-stage-builds",
    quizId: "multi-stage-check",
    quizVersion: "v1",
    answers: {},
    result: { score, maxScore: questions.length, percent: 0, passed: false, questions },
  };
};

const answer = (correct: boolean, at: Date, submissionId = randomUUID()) => ({
  submissionId,
  correct,
  confidence: null,
  answer: "x",
  version: "0123456789ab",
  at,
});

async function cardOf(learnerId: string, itemId: string) {
  const found = await cards.findCard(learnerId, source(itemId));
  return found ? record.findLearnerCard(learnerId, found.id) : null;
}

describe(`review cards on ${TEST_PROVIDER}`, () => {
  it("a quiz attempt puts each missed question in review once, due the next day; a replay adds nothing", async () => {
    const id = await learner();
    const first = attempt(id, { "final-stage": false, "earlier-layers": true, "index-base": false });
    const before = Date.now();
    await recordAttempt(first);
    await recordAttempt(first);
    const rows = await db.reviewCard.findMany({ where: { learnerId: id }, orderBy: { itemId: "asc" } });
    expect(rows.map((r) => [r.itemId, r.origin, r.reps])).toEqual([
      ["final-stage", "missed", 1],
      ["index-base", "missed", 1],
    ]);
    for (const r of rows) {
      expect(r.due.getTime() - before).toBeGreaterThan(DAY - 60_000);
      expect(r.due.getTime() - before).toBeLessThan(DAY + 60_000);
    }
  });

  it("attempts racing on the same missed question leave one card and are all recorded", async () => {
    const id = await learner();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        recordAttempt(attempt(id, { "final-stage": false, "copy-from-fill": false })),
      ),
    );
    expect(results.every((r) => "created" in r && r.created)).toBe(true);
    expect(await db.quizAttempt.count({ where: { learnerId: id } })).toBe(6);
    expect(await db.reviewCard.count({ where: { learnerId: id } })).toBe(2);
  });

  it("a card that exists keeps its schedule when the question is missed again", async () => {
    const id = await learner();
    await recordAttempt(attempt(id, { "final-stage": false }));
    const card = (await cardOf(id, "final-stage"))!;
    await record.recordReview(card, answer(true, new Date(card.due.getTime() + 3600_000)));
    const moved = (await cardOf(id, "final-stage"))!;
    await recordAttempt(attempt(id, { "final-stage": false }));
    expect((await cardOf(id, "final-stage"))!.due).toEqual(moved.due);
  });

  it("the same answer submitted twice at once is one review", async () => {
    const id = await learner();
    await recordAttempt(attempt(id, { "final-stage": false }));
    const card = (await cardOf(id, "final-stage"))!;
    const same = answer(true, new Date(card.due.getTime() + 3600_000));
    const [a, b] = await Promise.all([record.recordReview(card, same), record.recordReview(card, same)]);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect(a.due).toBe(b.due);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect((await cardOf(id, "final-stage"))!.reps).toBe(card.reps + 1);
  });

  it("two tabs answering the same card: one answer counts, the other is told so, nothing half-written", async () => {
    const id = await learner();
    await recordAttempt(attempt(id, { "final-stage": false }));
    const card = (await cardOf(id, "final-stage"))!;
    const at = new Date(card.due.getTime() + 3600_000);
    const outcomes = await Promise.allSettled([
      record.recordReview(card, answer(true, at)),
      record.recordReview(card, answer(false, at)),
      record.recordReview(card, answer(true, at)),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const l of lost) expect(l.reason).toMatchObject({ message: ANSWERED_ELSEWHERE, status: 409 });
    const logs = await db.reviewLog.findMany({ where: { cardId: card.id } });
    expect(logs).toHaveLength(1);
    const after = (await cardOf(id, "final-stage"))!;
    expect(after.reps).toBe(card.reps + 1);
    expect(after.lastReview).toEqual(at);
    expect(logs[0]!.correct).toBe((won[0] as PromiseFulfilledResult<{ correct: boolean }>).value.correct);
  });

  it("a right answer sends the card further out than a wrong one, and 'sure' further than 'not sure'", async () => {
    const due: Record<string, number> = {};
    for (const [label, correct, confidence] of [
      ["wrong", false, null],
      ["unsure", true, "unsure"],
      ["right", true, null],
      ["sure", true, "sure"],
    ] as const) {
      const id = await learner();
      await recordAttempt(attempt(id, { "final-stage": false }));
      const card = (await cardOf(id, "final-stage"))!;
      const at = new Date(card.due.getTime() + 3600_000);
      const result = await record.recordReview(card, { ...answer(correct, at), confidence });
      due[label] = (new Date(result.due).getTime() - at.getTime()) / DAY;
    }
    expect(due.wrong).toBeLessThan(due.unsure!);
    expect(due.unsure).toBeLessThanOrEqual(due.right!);
    expect(due.right).toBeLessThan(due.sure!);
    expect(due.wrong).toBeCloseTo(1, 0);
  });

  it("signing in keeps one card per question: the one reviewed last, with both histories", async () => {
    const account = await db.user.create({
      data: { id: randomUUID(), name: "Merge", email: `${randomUUID()}@example.test` },
    });
    const owned = (await db.learner.create({ data: { userId: account.id } })).id;
    const anon = await learner();
    const t0 = Date.now();
    // Both missed "final-stage"; the anonymous browser reviewed it more recently (and got it wrong).
    await addCards(owned, [source("final-stage"), source("index-base")], "missed", new Date(t0 - 10 * DAY));
    await addCards(anon, [source("final-stage"), source("copy-from-fill")], "missed", new Date(t0 - 5 * DAY));
    const mine = (await cardOf(owned, "final-stage"))!;
    await record.recordReview(mine, answer(true, new Date(t0 - 8 * DAY)));
    const theirs = (await cardOf(anon, "final-stage"))!;
    const theirResult = await record.recordReview(theirs, answer(false, new Date(t0 - 2 * DAY)));

    expect(await merge(account.id, anon)).toBe(owned);
    const merged = await db.reviewCard.findMany({ where: { learnerId: owned }, orderBy: { itemId: "asc" } });
    expect(merged.map((c) => c.itemId)).toEqual(["copy-from-fill", "final-stage", "index-base"]);
    const kept = merged.find((c) => c.itemId === "final-stage")!;
    expect(kept.id).toBe(mine.id);
    expect(kept.due.toISOString()).toBe(theirResult.due);
    expect(kept.lastReview).toEqual(new Date(t0 - 2 * DAY));
    expect(kept.reps).toBe(4);
    expect(kept.createdAt).toEqual(new Date(t0 - 10 * DAY));
    expect(await db.reviewLog.count({ where: { cardId: kept.id } })).toBe(2);
    expect(await db.reviewCard.count({ where: { learnerId: anon } })).toBe(0);
  });

  it("resetting a course deletes its review cards and no other course's", async () => {
    const id = await learner();
    await addCards(id, [source("final-stage")], "added", new Date());
    await addCards(id, [{ ...source("x"), course: "other" }], "added", new Date());
    expect((await resetCourseProgress(id, "docker")).cards).toBe(1);
    expect(await db.reviewCard.count({ where: { learnerId: id } })).toBe(1);
  });
});
