// The exercise writes at their trust boundary, through the one pipeline against a real database
// (run once per provider): whatever a client sends as a Dockerfile, the write answers with a
// value (never throws), a refusal stores nothing (no attempt, not even a learner), and an
// accepted one stores exactly what was graded. The request (cookies, session, address) is the
// only thing stood in for.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

const request = vi.hoisted(() => ({ learnerId: null as string | null, created: 0 }));

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));
vi.mock("@/lib/security/request-address", () => ({ requestAddress: async () => "192.0.2.7" }));
vi.mock("@/lib/auth/identity", async () => {
  const { db } = await import("@/lib/db");
  return {
    currentLearnerId: async () => request.learnerId,
    ensureLearner: async () => {
      if (request.learnerId) return request.learnerId;
      request.created++;
      request.learnerId = (await db.learner.create({ data: {}, select: { id: true } })).id;
      return request.learnerId;
    },
  };
});

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let writes: typeof import("@/lib/exercises/writes");
let target: { course: string; lesson: string; exerciseId: string; version: string };
let solution: string;
let starter: string;

beforeAll(async () => {
  database = await migratedTestDatabase("exercise-submit");
  process.env.DATABASE_URL = database.url;
  // Explicit test configuration, as .env.example documents: the property runs hundreds of writes.
  process.env.LECTERN_RATE_LIMIT_SCALE = "100000";
  ({ db } = await import("@/lib/db"));
  writes = await import("@/lib/exercises/writes");
  const { lessonExercises } = await import("@/lib/exercises/lookup");
  const { exerciseVersion } = await import("@/lib/exercises/public");
  const exercise = (await lessonExercises("docker", "multi-stage-builds"))![0]!;
  target = {
    course: "docker",
    lesson: "multi-stage-builds",
    exerciseId: exercise.id,
    version: exerciseVersion(exercise),
  };
  solution = exercise.solution;
  starter = exercise.starter;
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(() => {
  request.learnerId = null;
});

const submit = (source: unknown, submissionId = crypto.randomUUID()) =>
  writes.submitExercise({ ...target, submissionId, source });
const stored = () => db.exerciseAttempt.count();
const learners = () => db.learner.count();

const BAD: [string, string, RegExp][] = [
  ["empty", "", /empty/i],
  ["only blank lines", "\n \n\t\n", /empty/i],
  ["300 KB", `FROM alpine\n${"RUN echo padding-padding-padding\n".repeat(9500)}`, /KB/],
  ["binary", `FROM alpine\n${"\u0000\u0001\u0002\u00ff".repeat(200)}`, /binary|text/i],
  ["10,000 stages", Array.from({ length: 10_000 }, (_, i) => `FROM alpine AS s${i}`).join("\n"), /stages/],
];

describe(`submitting an exercise on ${TEST_PROVIDER}`, () => {
  it.each(BAD)("refuses %s with a clear message and stores nothing", async (_label, source, message) => {
    const [before, people] = [await stored(), await learners()];
    const result = await submit(source);
    if (result.ok) expect.unreachable("accepted");
    expect(result.status).toBe(422);
    expect(result.message).toMatch(message);
    expect(result.message).not.toMatch(/Something went wrong|undefined|\[object/);
    expect(await stored()).toBe(before);
    expect(await learners()).toBe(people);
  });

  it("grades the starter as failing and the solution as passing, storing each once", async () => {
    const id = crypto.randomUUID();
    const failing = await submit(starter, id);
    if (!failing.ok) expect.unreachable(failing.message);
    expect(failing.data.result.passed).toBe(false);
    const failed = failing.data.result.checks.filter((c) => !c.passed);
    expect(failed.length).toBeGreaterThan(0);
    // The first hint of each failed check comes with the result; passed checks carry none.
    for (const c of failing.data.result.checks)
      expect(c.hints.length).toBe(c.passed ? 0 : Math.min(1, c.hintCount));
    const again = await submit(starter, id);
    expect(again.ok && again.data.result.repeated).toBe(true);
    const passing = await submit(solution);
    if (!passing.ok) expect.unreachable(passing.message);
    expect(passing.data.result.passed).toBe(true);
    expect(passing.data.result.solutionAvailable).toBe(true);
    expect(await db.exerciseAttempt.count({ where: { learnerId: request.learnerId! } })).toBe(2);
  });

  it("never throws, and stores an attempt only when it answers with one (any text, any size)", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: "binary", maxLength: 400 }),
      fc
        .array(
          fc.constantFrom(
            "FROM alpine",
            "FROM node:20 AS build",
            "RUN npm ci",
            "COPY . .",
            "USER 1000",
            "\u0000",
            "",
          ),
          {
            maxLength: 80,
          },
        )
        .map((lines) => lines.join("\n")),
      fc.integer({ min: 60 * 1024, max: 80 * 1024 }).map((n) => "#".repeat(n)),
    );
    await fc.assert(
      fc.asyncProperty(text, async (source) => {
        const before = await stored();
        const result = await submit(source);
        const after = await stored();
        if (result.ok) {
          expect(after).toBe(before + 1);
          const row = await db.exerciseAttempt.findFirst({ where: { id: result.data.result.attemptId } });
          expect(row?.source).toBe(source);
        } else {
          expect([400, 422]).toContain(result.status);
          expect(result.message.length).toBeGreaterThan(10);
          expect(after).toBe(before);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it("sends no hint beyond those asked for, in order, and the solution only by the reveal rule", async () => {
    const first = await submit(starter);
    if (!first.ok) expect.unreachable(first.message);
    const failed = first.data.result.checks.find((c) => !c.passed && c.hintCount > 1);
    const early = await writes.revealSolution(target);
    expect(early.ok).toBe(false);
    if (failed) {
      const skip = await writes.requestHint({ ...target, checkId: failed.id, index: "2" });
      expect(skip.ok).toBe(false);
      const next = await writes.requestHint({ ...target, checkId: failed.id, index: "1" });
      expect(next.ok && next.data.hint.length).toBeGreaterThan(0);
      const again = await submit(starter);
      expect(again.ok && again.data.result.checks.find((c) => c.id === failed.id)?.hints).toHaveLength(2);
    }
    // A stranger (no attempts) gets neither hints nor the solution.
    request.learnerId = null;
    expect((await writes.revealSolution(target)).ok).toBe(false);
    if (failed)
      expect((await writes.requestHint({ ...target, checkId: failed.id, index: "1" })).ok).toBe(false);
  });

  it("counts a form's double submit without a submission id once, however it races", async () => {
    // The lesson's form without JavaScript is prerendered: it cannot carry an id of its own.
    const send = (source: string) => writes.submitExercise({ ...target, source });
    const first = await send(starter);
    if (!first.ok) expect.unreachable(first.message);
    const learnerId = request.learnerId!;
    const again = await send(starter);
    expect(again.ok && again.data.result).toMatchObject({
      attemptId: first.data.result.attemptId,
      repeated: true,
    });
    const raced = await Promise.all([send(solution), send(solution), send(solution)]);
    const ids = new Set(raced.map((r) => (r.ok ? r.data.result.attemptId : r.message)));
    expect(ids.size).toBe(1);
    expect(await db.exerciseAttempt.count({ where: { learnerId } })).toBe(2);
    // Sending the starter again after something else is a new attempt, not the first one found.
    const later = await send(starter);
    expect(later.ok && later.data.result.repeated).toBe(false);
    expect(await db.exerciseAttempt.count({ where: { learnerId } })).toBe(3);
  });

  it("keeps an anonymous learner's draft on the server, for the account to take at sign-in", async () => {
    const saved = await writes.saveExerciseDraft({ ...target, source: "FROM alpine\n# draft\n", base: "0" });
    if (!saved.ok) expect.unreachable(saved.message);
    expect(saved.data).toMatchObject({ saved: true, revision: 1 });
    // A second tab that never saw it is told what the server holds, and overwrites nothing.
    const stale = await writes.saveExerciseDraft({
      ...target,
      source: "FROM alpine\n# other tab\n",
      base: "0",
    });
    expect(stale.ok && stale.data).toMatchObject({
      saved: false,
      current: { source: "FROM alpine\n# draft\n", revision: 1 },
    });
    const row = await db.exerciseDraft.findFirst({ where: { learnerId: request.learnerId! } });
    expect(row?.source).toBe("FROM alpine\n# draft\n");
  });
});
