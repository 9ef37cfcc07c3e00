// lib/db/sql.ts: hot statements on the PrismaClient's own driver adapter. On each provider the
// values it writes read back through Prisma as Prisma would have written them (and the other
// way round), transactions commit or roll back whole, and it keeps working across a reconnect.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let direct: typeof import("@/lib/db").direct;
let sql: typeof import("@/lib/db/sql").sql;
let col: typeof import("@/lib/db/sql").col;
let learnerId: string;

beforeAll(async () => {
  database = await migratedTestDatabase("sql");
  process.env.DATABASE_URL =
    database.provider === "postgresql" ? `${database.url}?connection_limit=2` : database.url;
  ({ db, direct } = await import("@/lib/db"));
  ({ sql, col } = await import("@/lib/db/sql"));
  learnerId = (await db.learner.create({ data: {}, select: { id: true } })).id;
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const attemptColumns = () => ({
  id: col.text,
  score: col.int,
  passed: col.bool,
  createdAt: col.date,
});

let n = 0;
async function insertAttempt(
  runner: import("@/lib/db/sql").SqlRunner,
  a: { score: number; passed: boolean; at: Date },
) {
  const id = `sql-${++n}`;
  await runner.execute(sql`
    INSERT INTO "QuizAttempt" ("id", "submissionId", "learnerId", "courseSlug", "lessonSlug", "quizId",
      "quizVersion", "answers", "results", "score", "maxScore", "passed", "createdAt")
    VALUES (${id}, ${id}, ${learnerId}, ${"c"}, ${"l"}, ${"q"}, ${"v"}, ${"{}"}, ${"[]"}, ${a.score},
      ${10}, ${a.passed}, ${a.at})`);
  return id;
}

/** The same row as insertAttempt, written through Prisma's client (or one of its transactions). */
async function insertAttemptWithPrisma(
  client: Pick<typeof db, "quizAttempt">,
  a: { score: number; passed: boolean; at: Date },
) {
  const id = `sql-prisma-${++n}`;
  await client.quizAttempt.create({
    data: {
      id,
      submissionId: id,
      learnerId,
      courseSlug: "c",
      lessonSlug: "l",
      quizId: "q",
      quizVersion: "v",
      answers: "{}",
      results: "[]",
      score: a.score,
      maxScore: 10,
      passed: a.passed,
      createdAt: a.at,
    },
  });
  return id;
}

describe(`statements on the PrismaClient's adapter (${TEST_PROVIDER})`, () => {
  it("writes dates, booleans and integers as Prisma does, and reads them back as Prisma does", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.boolean(),
        fc.date({
          min: new Date("1970-01-02T00:00:00Z"),
          max: new Date("2200-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        async (score, passed, at) => {
          const id = await insertAttempt(direct, { score, passed, at });
          // Written here, read by Prisma.
          const byPrisma = await db.quizAttempt.findUniqueOrThrow({
            where: { id },
            select: { score: true, passed: true, createdAt: true },
          });
          expect(byPrisma).toEqual({ score, passed, createdAt: at });
          // Read here, and filtered by a typed argument of each kind.
          const rows = await direct.query(
            sql`SELECT "id", "score", "passed", "createdAt" FROM "QuizAttempt"
                WHERE "id" = ${id} AND "passed" = ${passed} AND "createdAt" = ${at} AND "score" = ${score}`,
            attemptColumns(),
          );
          expect(rows).toEqual([{ id, score, passed, createdAt: at }]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("reads rows Prisma wrote, nulls and counts included", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    await db.lessonProgress.create({
      data: { learnerId, courseSlug: "c", lessonSlug: "read", firstVisitedAt: at, lastVisitedAt: at },
    });
    const [row] = await direct.query(
      sql`SELECT "firstVisitedAt", "completedAt", "bestScore", "lastSection",
            (SELECT COUNT(*) FROM "LessonProgress" WHERE "learnerId" = ${learnerId}) AS "count"
          FROM "LessonProgress" WHERE "learnerId" = ${learnerId} AND "lessonSlug" = ${"read"}`,
      {
        firstVisitedAt: col.date,
        completedAt: col.dateOrNull,
        bestScore: col.intOrNull,
        lastSection: col.textOrNull,
        count: col.int,
      },
    );
    expect(row).toEqual({
      firstVisitedAt: at,
      completedAt: null,
      bestScore: null,
      lastSection: null,
      count: 1,
    });
    // A missing row is no row; a required column that is NULL, or a column the statement lacks, is an error.
    expect(
      await direct.query(sql`SELECT "id" FROM "Learner" WHERE "id" = ${"nobody"}`, { id: col.text }),
    ).toEqual([]);
    await expect(
      direct.query(sql`SELECT "completedAt" FROM "LessonProgress" WHERE "lessonSlug" = ${"read"}`, {
        completedAt: col.date,
      }),
    ).rejects.toThrow(/expected a date/);
    await expect(direct.query(sql`SELECT "id" FROM "Learner"`, { nope: col.text })).rejects.toThrow(
      /no column "nope"/,
    );
  });

  it("commits a transaction whole, and rolls it back whole when a statement or the work fails", async () => {
    const at = new Date();
    const committed = await direct.transaction(async (tx) => [
      await insertAttempt(tx, { score: 1, passed: true, at }),
      await insertAttempt(tx, { score: 2, passed: false, at }),
    ]);
    expect(await db.quizAttempt.count({ where: { id: { in: committed } } })).toBe(2);

    // A unique violation in the second statement takes the first with it.
    const before = await db.quizAttempt.count();
    await expect(
      direct.transaction(async (tx) => {
        await insertAttempt(tx, { score: 3, passed: true, at });
        await tx.execute(sql`
          INSERT INTO "QuizAttempt" ("id", "submissionId", "learnerId", "courseSlug", "lessonSlug", "quizId",
            "quizVersion", "answers", "results", "score", "maxScore", "passed", "createdAt")
          VALUES (${"dup"}, ${committed[0]}, ${learnerId}, ${"c"}, ${"l"}, ${"q"}, ${"v"}, ${"{}"}, ${"[]"},
            ${1}, ${1}, ${true}, ${at})`);
      }),
    ).rejects.toThrow();
    // So does an error thrown by the work between statements.
    await expect(
      direct.transaction(async (tx) => {
        await insertAttempt(tx, { score: 4, passed: true, at });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.quizAttempt.count()).toBe(before);
    // The connection (pool of two on PostgreSQL) is not lost: twenty more transactions run.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        direct.transaction(async (tx) =>
          tx.query(sql`SELECT COUNT(*) AS "n" FROM "Learner"`, { n: col.int }),
        ),
      ),
    );
    expect(await db.quizAttempt.count()).toBe(before);
  });

  it("runs on the client's own adapter, also after the client disconnected and reconnected", async () => {
    await db.$disconnect();
    const [row] = await direct.query(sql`SELECT COUNT(*) AS "n" FROM "Learner"`, { n: col.int });
    expect(row?.n).toBe(1);
    expect(await db.learner.count()).toBe(1);
  });
  // One SQLite connection serves every request, and a transaction stays open across awaits. A
  // statement from another request must not run inside it: it would read what that transaction has
  // not committed, and be rolled back with it.
  it("keeps statements outside a transaction out of it, whatever the interleaving", async () => {
    const at = new Date();
    const ticks = async (k: number) => {
      for (let i = 0; i < k; i++) await new Promise((r) => setImmediate(r));
    };
    type Step =
      | { kind: "direct" | "prisma"; fails: boolean; wait: number }
      | { kind: "outside"; via: "direct" | "prisma"; wait: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constantFrom("direct" as const, "prisma" as const),
        fails: fc.boolean(),
        wait: fc.nat({ max: 4 }),
      }),
      fc.record({
        kind: fc.constant("outside" as const),
        via: fc.constantFrom("direct" as const, "prisma" as const),
        wait: fc.nat({ max: 6 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 8 }), async (steps) => {
        const kept = new Set<string>();
        const undone = new Set<string>();
        const seen: string[][] = [];
        await Promise.all(
          steps.map(async (s, i) => {
            await ticks(i % 3);
            if (s.kind === "outside") {
              await ticks(s.wait);
              // A write, and a read of every row this run has written so far.
              const id =
                s.via === "direct"
                  ? await insertAttempt(direct, { score: i, passed: true, at })
                  : await insertAttemptWithPrisma(db, { score: i, passed: true, at });
              kept.add(id);
              const rows = await direct.query(
                sql`SELECT "id" FROM "QuizAttempt" WHERE "learnerId" = ${learnerId}`,
                {
                  id: col.text,
                },
              );
              seen.push(rows.map((r) => r.id));
              return;
            }
            let written = "";
            const work = async (run: () => Promise<string>) => {
              written = await run();
              await ticks(s.wait);
              if (s.fails) throw new Error("changed my mind");
            };
            const done =
              s.kind === "direct"
                ? direct.transaction((tx) => work(() => insertAttempt(tx, { score: i, passed: false, at })))
                : db.$transaction((tx) =>
                    work(() => insertAttemptWithPrisma(tx, { score: i, passed: false, at })),
                  );
            await done.then(
              () => kept.add(written),
              () => undone.add(written),
            );
          }),
        );
        const rows = await db.quizAttempt.findMany({
          where: { id: { in: [...kept, ...undone] } },
          select: { id: true },
        });
        // Every outside write and every committed transaction is there; no rolled-back one is.
        expect(new Set(rows.map((r) => r.id))).toEqual(kept);
        // No outside read saw a row of a transaction that was later rolled back.
        for (const ids of seen) expect(ids.filter((id) => undone.has(id))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
  it.skipIf(TEST_PROVIDER !== "sqlite")(
    "fails, instead of waiting forever, a statement a transaction's work runs outside its own tx",
    async () => {
      const before = await db.quizAttempt.count();
      await expect(
        direct.transaction(async (tx) => {
          await insertAttempt(tx, { score: 5, passed: true, at: new Date() });
          await db.learner.count();
        }),
      ).rejects.toThrow(/instead of its own `tx`/);
      // It rolled back, and the connection serves the next statement.
      expect(await db.quizAttempt.count()).toBe(before);
    },
    30_000,
  );
});
