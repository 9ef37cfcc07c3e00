// `npx tsx scripts/bench-exercise-writes.ts`: the exercise-submission row of `npm run bench` on
// its own beside the quiz row (64 concurrent clients, 10 s each, then the stored attempts counted), on SQLite, or on
// PostgreSQL with LECTERN_BENCH_DATABASE=postgresql and LECTERN_POSTGRES_URL.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureExerciseWrites } from "./bench/exercise-writes";
import { measureWrites } from "./bench/writes";
import { buildIfNeeded } from "./lib/build";
import { createThrowawayDatabase, dropDatabase, postgresServerUrl } from "./lib/postgres-admin";
import { startServer } from "./lib/spawn-server";

await buildIfNeeded();
const pgServer = process.env.LECTERN_BENCH_DATABASE === "postgresql" ? postgresServerUrl() : undefined;
const postgres = Boolean(pgServer);
const databaseUrl = pgServer
  ? await createThrowawayDatabase(pgServer, "bench_exercises")
  : `file:${path.join(mkdtempSync(path.join(tmpdir(), "lectern-bench-")), "bench.db")}`;
const server = await startServer(Number(process.env.LECTERN_BENCH_PORT ?? 3600), databaseUrl, {
  LECTERN_RATE_LIMIT_SCALE: "100000",
  LECTERN_SECRET: randomUUID() + randomUUID(),
});
try {
  // The quiz submission row first, for a ratio within one run (absolute times follow the machine's load).
  const [quiz] = await measureWrites([server.url], [], 10, "quiz");
  const r = await measureExerciseWrites([server.url], databaseUrl);
  console.log(
    `quiz submission ${quiz!.rps} req/s, p50 ${quiz!.p50} ms, p99 ${quiz!.p99} ms, errors ${quiz!.errors}/${quiz!.requests}`,
  );
  console.log(
    `exercise/quiz: ${(r.rps / quiz!.rps).toFixed(2)}× the throughput, ${(r.p50 / quiz!.p50).toFixed(2)}× the median latency`,
  );
  console.log(
    `${postgres ? "PostgreSQL" : "SQLite"}: ${r.name} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}/${r.requests}, stored ${r.stored} of ${r.accepted} accepted, lost ${r.lost}`,
  );
} finally {
  await server.stop("SIGTERM");
  if (pgServer) await dropDatabase(pgServer, databaseUrl);
}
