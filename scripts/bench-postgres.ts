// `npm run bench:postgres`: write throughput and latency on PostgreSQL with one and with two app
// servers on one database (each client's requests alternate between the servers, as behind a
// round-robin load balancer). Needs LECTERN_POSTGRES_URL (a role that may create databases);
// every run uses fresh throwaway databases and drops them. Writes bench-results/bench-postgres.json.
// Options: --servers 1,2 (which counts), --seconds 10, --quiz-only.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./bench/load";
import { measureWrites, seedBenchAccounts } from "./bench/writes";
import { buildIfNeeded } from "./lib/build";
import {
  createThrowawayDatabase,
  dropDatabase,
  POSTGRES_SERVER_ENV,
  postgresServerUrl,
} from "./lib/postgres-admin";
import { ROOT } from "./lib/run";
import { type RunningServer, startServer } from "./lib/spawn-server";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const server = postgresServerUrl();
if (!server) {
  console.error(
    `✖ Set ${POSTGRES_SERVER_ENV}=postgres://user:pass@127.0.0.1:5432/postgres (a role that may create databases)`,
  );
  process.exit(2);
}
const counts = option("servers", "1,2").split(",").map(Number);
const seconds = Number(option("seconds", "10"));
if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 4) || !(seconds >= 1 && seconds <= 120)) {
  console.error("✖ --servers takes counts from 1 to 4 (e.g. 1,2); --seconds 1 to 120");
  process.exit(2);
}
const port = Number(process.env.LECTERN_BENCH_PORT ?? 3600) + 100;

console.log("▶ Build");
await buildIfNeeded();

const runs: { servers: number; writes: LoadResult[] }[] = [];
for (const n of counts) {
  console.log(
    `\n▶ ${n} app server${n > 1 ? "s" : ""} on one PostgreSQL database, 64 clients, ${seconds} s per write`,
  );
  const url = await createThrowawayDatabase(server, "lectern_bench");
  const running: RunningServer[] = [];
  try {
    // Explicit bench configuration: 64 clients share one address, so limits are scaled up;
    // one secret for all servers, as a deployment would configure them.
    const env = { LECTERN_RATE_LIMIT_SCALE: "100000", LECTERN_SECRET: randomUUID() + randomUUID() };
    running.push(
      ...(await Promise.all(Array.from({ length: n }, (_, i) => startServer(port + i * 50, url, env)))),
    );
    const accounts = await seedBenchAccounts(url);
    const writes = await measureWrites(
      running.map((s) => s.url),
      accounts,
      seconds,
      process.argv.includes("--quiz-only") ? "quiz" : undefined,
    );
    for (const w of writes)
      console.log(
        `  ${w.name.padEnd(16)} ${w.rps} req/s, p50 ${w.p50} ms, p99 ${w.p99} ms, errors ${w.errors}/${w.requests}`,
      );
    runs.push({ servers: n, writes });
  } finally {
    await Promise.all(running.map((s) => s.stop("SIGTERM")));
    await dropDatabase(server, url);
  }
}

console.log("\n| servers | write | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|");
for (const r of runs)
  for (const w of r.writes)
    console.log(`| ${r.servers} | ${w.name} | ${w.rps} | ${w.p50} | ${w.p99} | ${w.errors}/${w.requests} |`);

const out = path.join(ROOT, "bench-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, "bench-postgres.json"),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      cores: os.cpus().length,
      loadAverage: os.loadavg(),
      seconds,
      runs,
    },
    null,
    2,
  ),
);
console.log("\nWrote bench-results/bench-postgres.json");
