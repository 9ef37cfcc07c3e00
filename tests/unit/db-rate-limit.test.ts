import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let consume: typeof import("@/lib/rate-limit").consumeRateLimit;
let policies: typeof import("@/lib/rate-limit").RATE_LIMITS;
let database: TestDatabase;

beforeAll(async () => {
  // A real, migrated database: the counters live in it so every app process shares them.
  database = await migratedTestDatabase("rate_limit");
  process.env.DATABASE_URL = database.url;
  ({ consumeRateLimit: consume, RATE_LIMITS: policies } = await import("@/lib/rate-limit"));
}, 60_000);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database.drop();
});

describe(`named rate-limit policies (${TEST_PROVIDER})`, () => {
  it("allow exactly the limit in a window, then say when to retry", async () => {
    const { limit, windowSeconds } = policies.signInEmail;
    const now = new Date(Date.UTC(2026, 10, 27, 12, 0, 5));
    for (let i = 0; i < limit; i++)
      expect(await consume("signInEmail", "email:a@example.test", now)).toEqual({ ok: true });
    const refused = await consume("signInEmail", "email:a@example.test", now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBe(windowSeconds - 5);
  });

  it("count each subject apart", async () => {
    const now = new Date(Date.UTC(2026, 10, 27, 13, 0, 0));
    for (let i = 0; i < policies.signUpAddress.limit; i++)
      await consume("signUpAddress", "addr:1.1.1.1", now);
    expect((await consume("signUpAddress", "addr:1.1.1.1", now)).ok).toBe(false);
    expect((await consume("signUpAddress", "addr:2.2.2.2", now)).ok).toBe(true);
  });

  it("start afresh in the next window", async () => {
    const t = Date.UTC(2026, 10, 27, 14, 0, 0);
    for (let i = 0; i <= policies.commentPostNew.limit; i++)
      await consume("commentPostNew", "user:new", new Date(t));
    expect((await consume("commentPostNew", "user:new", new Date(t))).ok).toBe(false);
    expect(
      (
        await consume(
          "commentPostNew",
          "user:new",
          new Date(t + policies.commentPostNew.windowSeconds * 1000),
        )
      ).ok,
    ).toBe(true);
  });

  it("keep new accounts stricter than established ones", () => {
    expect(policies.commentPostNew.limit).toBeLessThan(policies.commentPost.limit);
    expect(policies.commentPostNew.windowSeconds).toBe(policies.commentPost.windowSeconds);
  });

  it("count concurrent requests exactly: one atomic statement, no lost increments", async () => {
    const now = new Date(Date.UTC(2026, 10, 27, 15, 0, 0));
    const { limit } = policies.signInAddress;
    const results = await Promise.all(
      Array.from({ length: limit + 15 }, () => consume("signInAddress", "addr:9.9.9.9", now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
    expect(results.filter((r) => !r.ok)).toHaveLength(15);
  });
});
