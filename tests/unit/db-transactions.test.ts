// SERIALIZABLE read-then-write transactions under contention, on each provider: every one
// eventually commits (retried on conflict), nothing is lost, and a conflict reported at COMMIT
// does not leak the connection (a pool of two would then hang the next query forever).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let serializable: typeof import("@/lib/db/transaction").serializable;

beforeAll(async () => {
  database = await migratedTestDatabase("transactions");
  // A tiny pool, so a leaked connection shows at once.
  process.env.DATABASE_URL =
    database.provider === "postgresql" ? `${database.url}?connection_limit=2` : database.url;
  ({ db } = await import("@/lib/db"));
  ({ serializable } = await import("@/lib/db/transaction"));
  await db.setting.createMany({ data: ["a", "b"].map((key) => ({ key: `tx-${key}`, value: "0" })) });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe(`serializable transactions on ${TEST_PROVIDER}`, () => {
  it("commit every one of 40 racing read-then-write transactions, losing no update", async () => {
    // Each reads both counters and increments one: write skew that PostgreSQL's SSI refuses,
    // often only at COMMIT.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        serializable(async (tx) => {
          const rows = await tx.setting.findMany({ where: { key: { in: ["tx-a", "tx-b"] } } });
          const key = i % 2 === 0 ? "tx-a" : "tx-b";
          const current = Number(rows.find((r) => r.key === key)?.value ?? 0);
          await tx.setting.update({ where: { key }, data: { value: String(current + 1) } });
        }, 50),
      ),
    );
    const rows = await db.setting.findMany({
      where: { key: { in: ["tx-a", "tx-b"] } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => r.value)).toEqual(["20", "20"]);
    // The pool still has its connections: a plain query answers.
    expect(await db.setting.count()).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it("serialise a read-then-insert race exactly: 40 transactions, 40 distinct positions", async () => {
    // Each counts the rows so far and inserts the next: any two that overlap read what the other
    // writes, so PostgreSQL aborts one, frequently only when it tries to COMMIT.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        serializable(async (tx) => {
          const before = await tx.setting.count({ where: { key: { startsWith: "tx-log-" } } });
          await tx.setting.create({ data: { key: `tx-log-${i}`, value: String(before) } });
        }, 50),
      ),
    );
    const rows = await db.setting.findMany({ where: { key: { startsWith: "tx-log-" } } });
    expect(rows.map((r) => Number(r.value)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
    expect(await db.setting.count()).toBe(42);
  }, 30_000);

  it("give every connection back: the pool closes at once", async () => {
    // pg's Pool.end() waits for every checked-out connection; a leaked one makes it hang.
    const closed = await Promise.race([
      db.$disconnect().then(() => "closed"),
      new Promise((r) => setTimeout(() => r("a connection was never released"), 5000)),
    ]);
    expect(closed).toBe("closed");
  }, 10_000);
});
