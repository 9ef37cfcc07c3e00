// `npx tsx scripts/bench-exercise-writes.ts`: the exercise-submission row of `npm run bench` on
// its own beside the quiz row (64 concurrent clients, 10 s each, then the stored attempts counted), on SQLite, or on
// PostgreSQL with LECTERN_BENCH_DATABASE=postgresql and LECTERN_POSTGRES_URL.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { groupCpuMs } from "./bench/cpu";
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
  // Both rows cold (no warm-up), as `npm run bench` runs the exercise row: a client's first request
  // opens its connection and creates its learner. CPU per request is the server's (its process group).
  const cpu = () => groupCpuMs(server.pid);
  const [quiz] = await measureWrites([server.url], [], 10, "quiz", { cpu });
  const r = await measureExerciseWrites([server.url], databaseUrl, 10, { cpu });
  console.log(
    `quiz submission ${quiz!.rps} req/s, p50 ${quiz!.p50} ms, p99 ${quiz!.p99} ms, ${quiz!.cpuMsPerRequest} ms CPU per request, errors ${quiz!.errors}/${quiz!.requests}`,
  );
  console.log(
    `exercise/quiz: ${(r.rps / quiz!.rps).toFixed(2)}× the throughput, ${(r.p50 / quiz!.p50).toFixed(2)}× the median latency, ${((r.cpuMsPerRequest ?? 0) / (quiz!.cpuMsPerRequest ?? 1)).toFixed(2)}× the CPU per request (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  console.log(
    `${postgres ? "PostgreSQL" : "SQLite"}: ${r.name} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.cpuMsPerRequest} ms CPU per request, errors ${r.errors}/${r.requests}, stored ${r.stored} of ${r.accepted} accepted, lost ${r.lost}`,
  );
} finally {
  await server.stop("SIGTERM");
  if (pgServer) await dropDatabase(pgServer, databaseUrl);
}
