// Exercise attempts, hints, drafts and the lesson's completion rule against a real database, run
// once per provider (`npm test` repeats the db-*.test.ts files on PostgreSQL).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let attempts: typeof import("@/lib/exercises/attempts");
let drafts: typeof import("@/lib/exercises/drafts");
let recordQuiz: typeof import("@/lib/quiz/attempts").recordAttempt;
let progress: typeof import("@/lib/progress/progress");
let courseProgress: typeof import("@/lib/progress/course-progress");
let merge: typeof import("@/lib/progress/merge").mergeAnonymousLearner;

beforeAll(async () => {
  database = await migratedTestDatabase("exercises");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  attempts = await import("@/lib/exercises/attempts");
  drafts = await import("@/lib/exercises/drafts");
  ({ recordAttempt: recordQuiz } = await import("@/lib/quiz/attempts"));
  progress = await import("@/lib/progress/progress");
  courseProgress = await import("@/lib/progress/course-progress");
  ({ mergeAnonymousLearner: merge } = await import("@/lib/progress/merge"));
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const course = "docker";
const lesson = "multi-stage-builds";
const both = { quiz: true, exercises: ["shrink", "scratch"] };
const learner = async () => (await db.learner.create({ data: {} })).id;
const check = (id: string, passed: boolean) => ({
  id,
  passed,
  description: `${id} holds`,
  line: passed ? null : 3,
  detail: null,
  hintCount: 3,
});
const exercise = (
  learnerId: string,
  exerciseId: string,
  passed: boolean,
  rule = both,
  submissionId = randomUUID(),
) => ({
  learnerId,
  course,
  lesson,
  exerciseId,
  version: "aaaaaaaaaaaa",
  submissionId,
  source: `FROM alpine\n# ${submissionId}\n`,
  passed,
  checks: [check("non-root", passed), check("size", true)],
  gradeMs: 3.4,
  rule,
});
const quiz = (learnerId: string, passed: boolean) => ({
  learnerId,
  submissionId: randomUUID(),
  course,
  lesson,
  quizId: "check",
  quizVersion: "v1",
  answers: {},
  result: { score: passed ? 4 : 1, maxScore: 4, percent: passed ? 100 : 25, passed, questions: [] },
  rule: both,
});
const completed = async (learnerId: string) =>
  (await db.lessonProgress.findFirst({ where: { learnerId, lessonSlug: lesson } }))?.completedBy ?? null;

describe(`exercise records on ${TEST_PROVIDER}`, () => {
  it("stores a double submit once, with its checks and source, however it races", async () => {
    const id = await learner();
    const same = exercise(id, "shrink", false);
    const results = await Promise.all([1, 2, 3, 4].map(() => attempts.recordExerciseAttempt(same)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.attempt.id)).size).toBe(1);
    const rows = await db.exerciseAttempt.findMany({ where: { learnerId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: same.source,
      passed: false,
      gradeMs: 3,
      exerciseVersion: "aaaaaaaaaaaa",
    });
    expect(results[0]!.attempt.checks.map((c) => [c.id, c.passed])).toEqual([
      ["non-root", false],
      ["size", true],
    ]);
  });

  it("waits its turn behind other writes holding the database for over 2 s, and stores the attempt", async () => {
    // Under load a submission queues behind other learners' writes (on SQLite, for the one
    // connection's transaction lock; on PostgreSQL, here, for the learner's progress row). Prisma's
    // interactive transaction gave up after 2 s (maxWait) and the learner got "Something went wrong".
    const { direct } = await import("@/lib/db");
    const { sql } = await import("@/lib/db/sql");
    const id = await learner();
    await attempts.recordExerciseAttempt(exercise(id, "shrink", true));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = direct.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE "LessonProgress" SET "lastSection" = "lastSection" WHERE "learnerId" = ${id} AND "lessonSlug" = ${lesson}`,
      );
      held();
      await new Promise((r) => setTimeout(r, 2500));
    });
    await holding;
    const queued = await attempts.recordExerciseAttempt(exercise(id, "scratch", true));
    await holder;
    expect(queued).toMatchObject({ created: true, completed: false });
    expect(await db.exerciseAttempt.count({ where: { learnerId: id } })).toBe(2);
  });

  it("lets two learners use the same submission id without finding each other's attempt", async () => {
    const [a, b] = [await learner(), await learner()];
    const id = randomUUID();
    const first = await attempts.recordExerciseAttempt(exercise(a, "shrink", false, both, id));
    const second = await attempts.recordExerciseAttempt(exercise(b, "shrink", true, both, id));
    expect(second.created).toBe(true);
    expect(second.attempt.id).not.toBe(first.attempt.id);
    expect(await attempts.findSubmission(a, id)).toMatchObject({ passed: false });
  });

  it("completes a lesson whose rule is both only when every exercise and the quiz have passed", async () => {
    const id = await learner();
    await attempts.recordExerciseAttempt(exercise(id, "shrink", true));
    expect(await completed(id)).toBeNull();
    await recordQuiz(quiz(id, true));
    expect(await completed(id)).toBeNull();
    const last = await attempts.recordExerciseAttempt(exercise(id, "scratch", true));
    expect(last.completed).toBe(true);
    expect(await completed(id)).toBe("exercises");
  });

  it("completes by the quiz when the exercises passed first, and never by a failed attempt", async () => {
    const id = await learner();
    await attempts.recordExerciseAttempt(exercise(id, "shrink", true));
    await attempts.recordExerciseAttempt(exercise(id, "scratch", false));
    await attempts.recordExerciseAttempt(exercise(id, "scratch", true));
    await recordQuiz(quiz(id, false));
    expect(await completed(id)).toBeNull();
    await recordQuiz(quiz(id, true));
    expect(await completed(id)).toBe("quiz");
  });

  it("ignores exercises when the rule is quiz, and the quiz when it is exercises", async () => {
    const quizOnly = { quiz: true, exercises: [] };
    const a = await learner();
    const r = await attempts.recordExerciseAttempt(exercise(a, "shrink", true, quizOnly));
    expect(r.completed).toBe(false);
    expect(await completed(a)).toBeNull();
    const b = await learner();
    await recordQuiz({ ...quiz(b, true), rule: { quiz: false, exercises: ["shrink"] } });
    expect(await completed(b)).toBeNull();
    await attempts.recordExerciseAttempt(exercise(b, "shrink", true, { quiz: false, exercises: ["shrink"] }));
    expect(await completed(b)).toBe("exercises");
  });

  it("counts attempts per version, records each hint once, and keeps the highest asked", async () => {
    const id = await learner();
    const key = { learnerId: id, course, lesson, exerciseId: "shrink", version: "aaaaaaaaaaaa" };
    await attempts.recordExerciseAttempt(exercise(id, "shrink", false));
    await Promise.all(
      [1, 1, 2, 1].map((index) => attempts.recordHintRequest({ ...key, checkId: "non-root", index })),
    );
    expect(await attempts.hintsAsked(key)).toEqual({ "non-root": 2 });
    expect(await db.exerciseHintRequest.count({ where: { learnerId: id } })).toBe(2);
    const next = await attempts.recordExerciseAttempt(exercise(id, "shrink", true));
    expect(next.attempt.hintsUsed).toBe(2);
    expect(await attempts.exerciseHistory(key)).toEqual({ attempts: 2, passed: true });
    expect(await attempts.exerciseHistory({ ...key, version: "bbbbbbbbbbbb" })).toEqual({
      attempts: 0,
      passed: false,
    });
    const state = await courseProgress.getCourseProgress(id, course);
    expect(state.exercises[`${lesson}/shrink`]?.aaaaaaaaaaaa).toMatchObject({ attempts: 2, passed: true });
  });

  it("keeps one draft per learner and exercise, each save building on the last", async () => {
    const id = await learner();
    const key = { course, lesson, exerciseId: "shrink" };
    await Promise.all(["FROM a", "FROM b", "FROM c"].map((s) => drafts.saveDraft(id, key, s, 0)));
    const first = await drafts.loadDraft(id, key);
    expect(first?.revision).toBe(1);
    await drafts.saveDraft(id, key, "FROM final", 1);
    expect((await drafts.loadDraft(id, key))?.source).toBe("FROM final");
    expect(await db.exerciseDraft.count({ where: { learnerId: id } })).toBe(1);
  });

  it("moves an anonymous learner's attempts and hints into the account at sign-in, once", async () => {
    const user = await db.user.create({
      data: { id: randomUUID(), name: "Merge", email: `${randomUUID()}@example.test`, emailVerified: false },
    });
    const owned = await db.learner.create({ data: { userId: user.id } });
    const anon = await learner();
    const key = {
      course,
      lesson,
      exerciseId: "shrink",
      version: "aaaaaaaaaaaa",
      checkId: "non-root",
      index: 1,
    };
    await attempts.recordHintRequest({ ...key, learnerId: anon });
    await attempts.recordHintRequest({ ...key, learnerId: owned.id });
    const clash = randomUUID();
    await attempts.recordExerciseAttempt(exercise(anon, "shrink", true, both, clash));
    await attempts.recordExerciseAttempt(exercise(owned.id, "shrink", false, both, clash));
    await attempts.recordExerciseAttempt(exercise(anon, "scratch", false));
    expect(await merge(user.id, anon)).toBe(owned.id);
    expect(await db.exerciseAttempt.count({ where: { learnerId: owned.id } })).toBe(3);
    expect(await db.exerciseHintRequest.count({ where: { learnerId: owned.id } })).toBe(1);
    expect(await db.learner.findUnique({ where: { id: anon } })).toBeNull();
    expect(await attempts.exerciseHistory({ ...key, learnerId: owned.id })).toEqual({
      attempts: 2,
      passed: true,
    });
  });

  it("carries an anonymous draft into the account at sign-in: the newer of two stays the draft, the older is set aside", async () => {
    const user = await db.user.create({
      data: { id: randomUUID(), name: "Drafts", email: `${randomUUID()}@example.test`, emailVerified: false },
    });
    const owned = (await db.learner.create({ data: { userId: user.id } })).id;
    const anon = await learner();
    const only = { course, lesson, exerciseId: "only-anonymous" };
    const older = { course, lesson, exerciseId: "account-older" };
    const newer = { course, lesson, exerciseId: "account-newer" };
    const same = { course, lesson, exerciseId: "same-text" };
    const third = { course, lesson, exerciseId: "third-draft" };
    const at = (iso: string) => ({ updatedAt: new Date(iso) });
    const put = (learnerId: string, k: typeof only, source: string, when: string, asideSource?: string) =>
      db.exerciseDraft.create({
        data: {
          learnerId,
          courseSlug: k.course,
          lessonSlug: k.lesson,
          exerciseId: k.exerciseId,
          source,
          asideSource,
          ...at(when),
        },
      });
    await put(anon, only, "FROM anonymous-only", "2026-12-01T10:00:00Z");
    await put(owned, older, "FROM account-old", "2026-12-01T09:00:00Z");
    await put(anon, older, "FROM anonymous-new", "2026-12-01T10:00:00Z");
    await put(owned, newer, "FROM account-new", "2026-12-01T11:00:00Z");
    await put(anon, newer, "FROM anonymous-old", "2026-12-01T10:00:00Z");
    await put(owned, same, "FROM same", "2026-12-01T09:00:00Z");
    await put(anon, same, "FROM same", "2026-12-01T10:00:00Z");
    // A draft set aside at an earlier sign-in, not yet settled, meets a third.
    await put(owned, third, "FROM account-third", "2026-12-01T11:00:00Z", "FROM set-aside-earlier");
    await put(anon, third, "FROM anonymous-third", "2026-12-01T10:00:00Z");
    expect(await merge(user.id, anon)).toBe(owned);
    expect(await drafts.loadDraft(owned, only)).toMatchObject({
      source: "FROM anonymous-only",
      updatedAt: new Date("2026-12-01T10:00:00Z"),
      aside: null,
    });
    // The account's draft was revision 1: a device that saw it must find this one is newer.
    expect(await drafts.loadDraft(owned, older)).toEqual({
      source: "FROM anonymous-new",
      revision: 2,
      updatedAt: new Date("2026-12-01T10:00:00Z"),
      aside: "FROM account-old",
    });
    expect(await drafts.loadDraft(owned, newer)).toEqual({
      source: "FROM account-new",
      revision: 1,
      updatedAt: new Date("2026-12-01T11:00:00Z"),
      aside: "FROM anonymous-old",
    });
    expect(await drafts.loadDraft(owned, same)).toMatchObject({ source: "FROM same", aside: null });
    expect(await drafts.loadDraft(owned, third)).toMatchObject({
      source: "FROM account-third",
      aside:
        "FROM anonymous-third\n# ── another draft, set aside at an earlier sign-in ──\nFROM set-aside-earlier",
    });
    expect(await db.exerciseDraft.count({ where: { learnerId: owned } })).toBe(5);
    expect(await db.exerciseDraft.count({ where: { learnerId: anon } })).toBe(0);
  });

  it("keeps a draft set aside at sign-in through every save until the learner settles it", async () => {
    const id = await learner();
    const k = { course, lesson, exerciseId: "set-aside" };
    await db.exerciseDraft.create({
      data: {
        learnerId: id,
        courseSlug: course,
        lessonSlug: lesson,
        exerciseId: k.exerciseId,
        source: "FROM a",
      },
    });
    await db.exerciseDraft.update({
      where: {
        learnerId_courseSlug_lessonSlug_exerciseId: {
          learnerId: id,
          courseSlug: course,
          lessonSlug: lesson,
          exerciseId: k.exerciseId,
        },
      },
      data: { asideSource: "FROM older" },
    });
    // A save on the current revision keeps it; so does the same text sent on a stale one, which
    // is refused so that the device sees what was set aside.
    expect(await drafts.saveDraft(id, k, "FROM b", 1)).toMatchObject({ saved: true, revision: 2 });
    expect(await drafts.saveDraft(id, k, "FROM b", 1)).toMatchObject({
      saved: false,
      current: { source: "FROM b", revision: 2, aside: "FROM older" },
    });
    expect(drafts.serverDraftView((await drafts.loadDraft(id, k))!)).toMatchObject({ aside: "FROM older" });
    // The learner chose (the older, say): that save settles it.
    expect(await drafts.saveDraft(id, k, "FROM older", 2, true)).toMatchObject({ saved: true, revision: 3 });
    const settled = (await drafts.loadDraft(id, k))!;
    expect(settled).toMatchObject({ source: "FROM older", aside: null });
    expect(drafts.serverDraftView(settled)).not.toHaveProperty("aside");

    // Settling with the text the server already holds, from a device a revision behind, settles too.
    await db.exerciseDraft.updateMany({ where: { learnerId: id }, data: { asideSource: "FROM again" } });
    expect(await drafts.saveDraft(id, k, "FROM older", 2, true)).toMatchObject({ saved: true, revision: 3 });
    expect(await drafts.loadDraft(id, k)).toMatchObject({ source: "FROM older", revision: 3, aside: null });
  });

  it("deletes exercise attempts and hints when a learner starts the course over", async () => {
    const id = await learner();
    await attempts.recordExerciseAttempt(exercise(id, "shrink", false));
    await attempts.recordHintRequest({
      learnerId: id,
      course,
      lesson,
      exerciseId: "shrink",
      version: "v",
      checkId: "c",
      index: 1,
    });
    await progress.resetCourseProgress(id, course);
    expect(await db.exerciseAttempt.count({ where: { learnerId: id } })).toBe(0);
    expect(await db.exerciseHintRequest.count({ where: { learnerId: id } })).toBe(0);
  });
});
