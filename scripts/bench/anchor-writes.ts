// The write anchor of `npm run bench` (issue 17): a bare node:http server on better-sqlite3
// doing the quiz submission's write shape (insert the attempt once per submission id, upsert
// the learner's lesson progress, one transaction) with the same pragmas as Lectern's SQLite.
// Run as its own process: `node --import tsx scripts/bench/anchor-writes.ts <port> <file.db>`.
// What it leaves out is what Lectern adds: Next.js, Prisma, sessions, grading, the pipeline.
import { randomUUID } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const [port, file] = process.argv.slice(2);
const sqlite = new Database(file!);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = NORMAL");
sqlite.pragma("busy_timeout = 5000");
sqlite.exec(`
  CREATE TABLE IF NOT EXISTS attempt (
    id TEXT PRIMARY KEY, submissionId TEXT NOT NULL UNIQUE, learnerId TEXT NOT NULL,
    course TEXT NOT NULL, lesson TEXT NOT NULL, quizId TEXT NOT NULL, answers TEXT NOT NULL,
    score INTEGER NOT NULL, createdAt INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS progress (
    learnerId TEXT NOT NULL, course TEXT NOT NULL, lesson TEXT NOT NULL,
    bestScore INTEGER, lastVisitedAt INTEGER NOT NULL, PRIMARY KEY (learnerId, course, lesson));
`);
const insertAttempt = sqlite.prepare(
  `INSERT INTO attempt (id, submissionId, learnerId, course, lesson, quizId, answers, score, createdAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submissionId) DO NOTHING`,
);
const upsertProgress = sqlite.prepare(
  `INSERT INTO progress (learnerId, course, lesson, bestScore, lastVisitedAt) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT (learnerId, course, lesson) DO UPDATE SET
     bestScore = max(coalesce(bestScore, 0), excluded.bestScore), lastVisitedAt = excluded.lastVisitedAt`,
);
const record = sqlite.transaction((learner: string, b: Record<string, unknown>) => {
  const now = Date.now();
  const score = Object.keys((b.answers as object) ?? {}).length;
  const inserted = insertAttempt.run(
    randomUUID(),
    String(b.submissionId),
    learner,
    String(b.course),
    String(b.lesson),
    String(b.quizId),
    JSON.stringify(b.answers),
    score,
    now,
  );
  upsertProgress.run(learner, String(b.course), String(b.lesson), score, now);
  return { created: inserted.changes === 1, score };
});

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        const cookie = /anchor_learner=([\w-]+)/.exec(req.headers.cookie ?? "")?.[1];
        const learner = cookie ?? randomUUID();
        const result = record(learner, body);
        res.writeHead(200, {
          "content-type": "application/json",
          ...(cookie ? {} : { "set-cookie": `anchor_learner=${learner}; Path=/; HttpOnly` }),
        });
        res.end(JSON.stringify(result));
      } catch {
        res.writeHead(400).end();
      }
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log("anchor ready"));
