// The learner writes against a real database, run once per provider (`npm test` repeats the
// db-*.test.ts files on PostgreSQL): races that two app servers can produce must neither fail
// nor lose or duplicate anything.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let recordAttempt: typeof import("@/lib/quiz/attempts").recordAttempt;
let progress: typeof import("@/lib/progress/progress");
let courseProgress: typeof import("@/lib/progress/course-progress");
let merge: typeof import("@/lib/progress/merge").mergeAnonymousLearner;
let createComment: typeof import("@/lib/comments/queries").createComment;
let seedCatalog: typeof import("@/lib/seed/catalog").seedCatalog;

beforeAll(async () => {
  database = await migratedTestDatabase("writes");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  ({ recordAttempt } = await import("@/lib/quiz/attempts"));
  progress = await import("@/lib/progress/progress");
  courseProgress = await import("@/lib/progress/course-progress");
  ({ mergeAnonymousLearner: merge } = await import("@/lib/progress/merge"));
  ({ createComment } = await import("@/lib/comments/queries"));
  ({ seedCatalog } = await import("@/lib/seed/catalog"));
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const learner = async () => (await db.learner.create({ data: {} })).id;
const attempt = (learnerId: string, score: number, submissionId = randomUUID()) => ({
  learnerId,
  submissionId,
  course: "docker",
  lesson: "multi-stage-builds",
  quizId: "check",
  quizVersion: "v1",
  answers: { q1: "a" },
  result: { score, maxScore: 4, percent: score * 25, passed: score >= 3, questions: [] },
});

describe(`learner writes on ${TEST_PROVIDER}`, () => {
  it("records a submission once when it arrives twice at the same moment", async () => {
    const id = await learner();
    const same = attempt(id, 2);
    const [a, b] = await Promise.all([recordAttempt(same), recordAttempt(same)]);
    expect([a, b].filter((r) => "created" in r && r.created)).toHaveLength(1);
    // The loser's batch rolled back whole and it answers with the winner's attempt.
    expect("attempt" in a && "attempt" in b && a.attempt.id === b.attempt.id).toBe(true);
    expect(await db.quizAttempt.count({ where: { learnerId: id } })).toBe(1);
    expect(await db.lessonProgress.count({ where: { learnerId: id } })).toBe(1);
  });

  it("keeps the best score and one progress row when attempts race", async () => {
    const id = await learner();
    const scores = [1, 4, 2, 3, 0, 4, 1, 2];
    const results = await Promise.all(scores.map((s) => recordAttempt(attempt(id, s))));
    expect(results.every((r) => "created" in r && r.created)).toBe(true);
    expect(await db.quizAttempt.count({ where: { learnerId: id } })).toBe(scores.length);
    const rows = await db.lessonProgress.findMany({ where: { learnerId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ bestScore: 4, bestMaxScore: 4, completedBy: "quiz" });
    expect(rows[0]!.completedAt).toBeInstanceOf(Date);
  });

  it("marks a lesson complete once however many times it is asked at once", async () => {
    const id = await learner();
    const key = { learnerId: id, course: "docker", lesson: "volumes" };
    await Promise.all(Array.from({ length: 6 }, () => progress.setLessonComplete(key, true)));
    const rows = await db.lessonProgress.findMany({ where: { learnerId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.completedBy).toBe("manual");
    const state = await courseProgress.getCourseProgress(id, "docker");
    expect(JSON.stringify(state)).toContain("volumes");
  });

  it("merges an anonymous learner into an account exactly once, keeping the best of both", async () => {
    const user = await db.user.create({
      data: { id: randomUUID(), name: "Merge", email: `${randomUUID()}@example.test`, emailVerified: false },
    });
    const owned = await db.learner.create({ data: { userId: user.id } });
    await recordAttempt(attempt(owned.id, 1));
    const anon = await learner();
    await recordAttempt(attempt(anon, 4));
    const [a, b] = await Promise.all([merge(user.id, anon), merge(user.id, anon)]);
    expect(a).toBe(owned.id);
    expect(b).toBe(owned.id);
    expect(await db.learner.findUnique({ where: { id: anon } })).toBeNull();
    expect(await db.quizAttempt.count({ where: { learnerId: owned.id } })).toBe(2);
    const rows = await db.lessonProgress.findMany({ where: { learnerId: owned.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ bestScore: 4, completedBy: "quiz" });
  });

  it("stores a comment once per submission id, even when sent twice at once", async () => {
    const user = await db.user.create({
      data: { id: randomUUID(), name: "Poster", email: `${randomUUID()}@example.test`, emailVerified: false },
    });
    const input = {
      authorId: user.id,
      course: "docker",
      lesson: "multi-stage-builds",
      parent: null,
      body: "Does `COPY --from` keep file permissions?",
      submissionId: randomUUID(),
    };
    const [a, b] = await Promise.all([createComment(input), createComment(input)]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.comment.count({ where: { authorId: user.id } })).toBe(1);
  });

  it("keeps the best score by ratio, completes on a pass only, and never overwrites a completion (raw SQL)", async () => {
    const id = await learner();
    const key = { learnerId: id, course: "docker", lesson: "multi-stage-builds" };
    const graded = (score: number, maxScore: number, passed: boolean) => ({
      ...attempt(id, score),
      result: { score, maxScore, percent: Math.round((score / maxScore) * 100), passed, questions: [] },
    });
    const read = () =>
      db.lessonProgress.findUniqueOrThrow({
        where: {
          learnerId_courseSlug_lessonSlug: { learnerId: id, courseSlug: key.course, lessonSlug: key.lesson },
        },
      });
    await recordAttempt(graded(3, 8, false));
    expect(await read()).toMatchObject({
      bestScore: 3,
      bestMaxScore: 8,
      completedAt: null,
      completedBy: null,
    });
    await recordAttempt(graded(3, 4, false)); // 75% beats 37.5% although the score is the same
    expect(await read()).toMatchObject({ bestScore: 3, bestMaxScore: 4, completedAt: null });
    await recordAttempt(graded(5, 8, false)); // 62.5% does not beat 75%
    expect(await read()).toMatchObject({ bestScore: 3, bestMaxScore: 4 });
    const manual = await progress.setLessonComplete(key, true);
    expect(manual).toBeInstanceOf(Date);
    expect(await progress.setLessonComplete(key, true)).toEqual(manual); // repeating changes nothing
    const passed = await recordAttempt(graded(4, 4, true));
    expect(await read()).toMatchObject({
      bestScore: 4,
      bestMaxScore: 4,
      completedBy: "manual",
      completedAt: manual,
    });
    // What the write answered is what the database holds.
    const stored = await db.quizAttempt.findUniqueOrThrow({
      where: { id: "attempt" in passed ? passed.attempt.id : "" },
    });
    expect("attempt" in passed && passed.attempt).toMatchObject({
      score: 4,
      maxScore: 4,
      passed: true,
      createdAt: stored.createdAt,
      result: { percent: 100 },
    });
    expect(await progress.setLessonComplete(key, false)).toBeNull();
    expect(await read()).toMatchObject({ completedAt: null, completedBy: null, bestScore: 4 });
    // The progress a graded quiz answers with, read back with raw SQL on either database.
    const quiz = { lesson: key.lesson, quizId: "check", quizVersion: "v1" };
    const { progress: state, history } = await courseProgress.getCourseProgressAndHistory(
      id,
      key.course,
      quiz,
    );
    expect(history).toEqual({ attempts: 4, passed: true });
    expect(state.lessons[key.lesson]).toMatchObject({ completed: false, bestScore: 4, bestMaxScore: 4 });
    expect(state.lessons[key.lesson]!.visitedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(state.last).toMatchObject({ lesson: key.lesson });
    expect(state.quizzes[`${key.lesson}/check`]!.v1).toMatchObject({
      attempts: 4,
      best: { score: 4, maxScore: 4 },
      latest: { score: 4, maxScore: 4, passed: true, at: stored.createdAt.toISOString() },
    });
    expect(await courseProgress.getCourseProgress(id, key.course)).toEqual(state);
    const again = await progress.setLessonComplete(key, true);
    expect((await read()).completedBy).toBe("manual");
    expect(again!.getTime()).toBeGreaterThanOrEqual(manual!.getTime());
  });

  it("refuses a comment whose submission id another author already used", async () => {
    const make = async () =>
      (
        await db.user.create({
          data: { id: randomUUID(), name: "P", email: `${randomUUID()}@example.test`, emailVerified: false },
        })
      ).id;
    const [first, second] = [await make(), await make()];
    const input = {
      course: "docker",
      lesson: "volumes",
      parent: null,
      body: "Hello",
      submissionId: randomUUID(),
    };
    await createComment({ ...input, authorId: first });
    await expect(createComment({ ...input, authorId: second })).rejects.toThrow(/already used/);
    expect(await db.comment.count({ where: { submissionId: input.submissionId } })).toBe(1);
  });

  it("seeds the catalog idempotently", async () => {
    const first = await seedCatalog(db);
    const second = await seedCatalog(db);
    expect(second).toMatchObject({ courses: first.courses, lessons: first.lessons, removedLessons: 0 });
    expect(await db.lesson.count()).toBe(first.lessons);
    expect(second.secretCreated).toBe(false);
  });
});
