import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { optionId, quizVersion } from "../../lib/content/quiz-public";
import { QuizDefinitionSchema } from "../../lib/content/quiz-schema";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { freshDatabase } from "./support/database";
import { authoredQuiz } from "./support/lesson-source";
import { startServer } from "./support/server";

const LESSON = "volumes";
const quiz = QuizDefinitionSchema.parse(authoredQuiz("05-volumes.mdx"));

/** Right answers for the quiz, as the page would send them. */
function answers(): Record<string, unknown> {
  return Object.fromEntries(
    quiz.questions.map((q) => {
      const id = (text: string) => optionId(quiz.id, q.id, text);
      switch (q.type) {
        case "single":
          return [q.id, id(q.choices.find((c) => c.correct)!.text)];
        case "multiple":
          return [q.id, q.choices.filter((c) => c.correct).map((c) => id(c.text))];
        case "truefalse":
          return [q.id, q.answer];
        case "fill":
          return [q.id, q.accept[0]];
        case "order":
          return [q.id, q.items.map(id)];
        case "numeric":
          return [q.id, q.answer];
        default:
          throw new Error("unknown question type");
      }
    }),
  );
}

type Client = { cookie: string | null };
type Outcome = {
  kind: "quiz" | "progress" | "invalid";
  submissionId?: string;
  status: number | "dropped";
  error?: string;
};

async function send(
  base: string,
  client: Client,
  route: string,
  body: unknown,
): Promise<{ status: number; json: unknown } | null> {
  try {
    const res = await fetch(`${base}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const set = res.headers.get("set-cookie");
    if (set?.startsWith("lectern_learner=")) client.cookie = set.split(";")[0]!;
    // A response whose body is cut off by the crash was never received: count it as dropped.
    return { status: res.status, json: await res.json() };
  } catch {
    return null; // connection refused or reset: the server is gone
  }
}

test("writes acknowledged before a SIGKILL survive it, exactly once, and the database stays sound", {
  tag: "@db",
}, async () => {
  test.setTimeout(180_000);
  const database = await freshDatabase("durability");
  const port = Number(process.env.LECTERN_E2E_PORT ?? 3100) + 350;
  // Explicit test configuration: 40 learners from one address, hundreds of writes each minute.
  const env = { LECTERN_RATE_LIMIT_SCALE: "1000" };
  const server = await startServer(port, database.url, env);

  const version = quizVersion(quiz);
  const good = answers();
  const clients: Client[] = Array.from({ length: 40 }, () => ({ cookie: null }));
  const outcomes: Outcome[] = [];
  const TOTAL = 1600;
  let next = 0;
  let killed = false;

  const worker = async (w: number) => {
    for (;;) {
      const n = next++;
      if (n >= TOTAL) return;
      const client = clients[(n + w) % clients.length]!;
      if (n === Math.floor(TOTAL * 0.6) && !killed) {
        killed = true;
        void server.crash();
      }
      const kind: Outcome["kind"] = n % 10 === 9 ? "invalid" : n % 4 === 3 ? "progress" : "quiz";
      if (kind === "progress") {
        const r = await send(server.url, client, "/api/learner/completions", {
          course: "docker",
          lesson: LESSON,
          complete: n % 8 === 3,
        });
        outcomes.push({ kind, status: r?.status ?? "dropped" });
      } else {
        const submissionId = randomUUID();
        const body = {
          course: "docker",
          lesson: LESSON,
          quizId: quiz.id,
          version,
          submissionId,
          answers: kind === "invalid" ? { nope: 1 } : good,
        };
        const r = await send(server.url, client, "/api/learner/quiz-attempts", body);
        outcomes.push({
          kind,
          submissionId,
          status: r?.status ?? "dropped",
          error: (r?.json as { error?: string } | null)?.error,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, (_, w) => worker(w)));
  expect(killed).toBe(true);

  const acknowledged = outcomes.filter((o) => o.kind === "quiz" && o.status === 200);
  const rejected = outcomes.filter((o) => typeof o.status === "number" && o.status !== 200);
  const dropped = outcomes.filter((o) => o.status === "dropped");
  console.log(
    `acknowledged quiz writes: ${acknowledged.length}, rejected: ${rejected.length}, dropped by the crash: ${dropped.length}`,
  );
  expect(acknowledged.length).toBeGreaterThan(300);
  expect(dropped.length).toBeGreaterThan(0);
  // Every rejection is an expected one with a clear message, never a server error.
  for (const r of rejected) {
    expect(r.status, JSON.stringify(r)).toBeLessThan(500);
    if (r.kind !== "progress")
      expect(r.error, JSON.stringify(r)).toMatch(/no question|need an answer|has no answer/);
  }
  expect(rejected.every((r) => r.kind === "invalid")).toBe(true);

  // Restart on the same file: the app serves again.
  const again = await startServer(port, database.url, env);
  expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
  if (database.sqliteFile) {
    const sqlite = new Database(database.sqliteFile, { readonly: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      sqlite.close();
    }
  }
  // Every acknowledged attempt is stored exactly once; no rejected one is stored at all.
  const db = scriptClient(database.url);
  try {
    const stored = await db.quizAttempt.groupBy({
      by: ["submissionId"],
      where: { submissionId: { in: acknowledged.map((a) => a.submissionId!) } },
      _count: { _all: true },
    });
    expect(stored).toHaveLength(acknowledged.length);
    expect(stored.every((s) => s._count._all === 1)).toBe(true);
    expect(await db.quizAttempt.count({ where: { passed: false } })).toBe(0);
  } finally {
    await db.$disconnect();
  }
  expect(await again.stop("SIGTERM"), again.output()).toBe(0);
});
