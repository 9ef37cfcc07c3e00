// `npm run bench:writes`: the write rows of `npm run bench` on their own (issue 17): the
// production server on a fresh SQLite database, /about and the three writes from 64 clients,
// acknowledged-but-lost writes counted in the database, and the bare node:http +
// better-sqlite3 anchor, all in one run. Options: --seconds 10; --profile (the server under
// `node --cpu-prof`, its profile summarized by origin: bench-results/writes-profile.json);
// --postgres (also one and two app servers on a throwaway PostgreSQL database, with
// LECTERN_POSTGRES_URL). Writes bench-results/bench-writes.json.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ProfileSummary, summarizeProfile } from "./bench/profile";
import {
  type Measured,
  measureAnchor,
  measureWriteRows,
  printWriteRows,
  type WriteRow,
} from "./bench/write-rows";
import { measureWrites, seedBenchAccounts } from "./bench/writes";
import { buildIfNeeded } from "./lib/build";
import { createThrowawayDatabase, dropDatabase, postgresServerUrl } from "./lib/postgres-admin";
import { ROOT } from "./lib/run";
import { type RunningServer, startServer } from "./lib/spawn-server";

const seconds = Number(process.argv[process.argv.indexOf("--seconds") + 1] || 10) || 10;
const profile = process.argv.includes("--profile");
const port = Number(process.env.LECTERN_BENCH_PORT ?? 3600);
const env = { LECTERN_RATE_LIMIT_SCALE: "100000", LECTERN_SECRET: randomUUID() + randomUUID() };

await buildIfNeeded();
const out = path.join(ROOT, "bench-results");
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(path.join(tmpdir(), "lectern-bench-writes-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
console.log(
  `▶ SQLite, 64 clients, ${seconds} s each (load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")})`,
);

/** `next start` itself under --cpu-prof (cluster workers take no --cpu-prof via NODE_OPTIONS). */
async function startProfiled(profileDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // npm start once to migrate and seed the database, then the profiled server on it.
  await (await startServer(port, databaseUrl, env)).stop("SIGTERM");
  const hook = pathToFileURL(path.join(ROOT, "lib/security/client-address-hook.mjs")).href;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
      `--import=${hook}`,
      path.join(ROOT, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      if (i > 200) throw new Error("the profiled server did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const profileDir = mkdtempSync(path.join(tmpdir(), "lectern-profile-"));
const server: { url: string; pid?: number; stop: () => Promise<unknown> } = profile
  ? await startProfiled(profileDir)
  : await startServer(port, databaseUrl, env).then((s) => ({
      url: s.url,
      pid: s.pid,
      stop: () => s.stop("SIGTERM"),
    }));
let sqlite: { about: Measured; rows: WriteRow[] };
let anchor: Measured | null = null;
let summary: ProfileSummary | null = null;
try {
  const accounts = await seedBenchAccounts(databaseUrl);
  if (profile) {
    // The profile covers the three writes only.
    sqlite = {
      about: { name: "", requests: 0, errors: 0, rps: 0, p50: 0, p99: 0, cpuMsPerRequest: null },
      rows: [],
    };
    const loads = await measureWrites([server.url], accounts, seconds);
    for (const l of loads) console.log(`  ${l.name} ${l.rps} req/s, p99 ${l.p99} ms (profiled)`);
  } else {
    anchor = await measureAnchor(port + 50, seconds);
    sqlite = await measureWriteRows({
      bases: [server.url],
      databaseUrl,
      accounts,
      seconds,
      anchor,
      pgids: [server.pid!],
    });
    printWriteRows(sqlite.about, sqlite.rows, anchor);
  }
} finally {
  await server.stop();
}
if (profile) {
  const file = readdirSync(profileDir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(profileDir, f))[0];
  if (!file) throw new Error("no profile was written");
  summary = summarizeProfile(file);
  console.log(`\n  busy ${summary.busyMs} ms (idle excluded); self time by origin:`);
  for (const g of summary.groups) console.log(`  ${String(g.share).padStart(5)}%  ${g.group}`);
  console.log("\n  top functions (self time):");
  for (const t of summary.top) console.log(`  ${String(t.share).padStart(5)}%  ${t.fn}  ${t.where}`);
  writeFileSync(
    path.join(out, "writes-profile.json"),
    JSON.stringify({ measuredAt: new Date(), file, ...summary }, null, 2),
  );
  console.log(`\nWrote bench-results/writes-profile.json (profile: ${file})`);
  process.exit(0);
}

const postgres: { servers: number; about: Measured; rows: WriteRow[] }[] = [];
const pgServer = postgresServerUrl();
if (process.argv.includes("--postgres") && pgServer) {
  for (const n of [1, 2]) {
    console.log(`\n▶ PostgreSQL, ${n} app server${n > 1 ? "s" : ""} on one database`);
    const url = await createThrowawayDatabase(pgServer, "lectern_bench");
    const running: RunningServer[] = [];
    try {
      running.push(
        ...(await Promise.all(
          Array.from({ length: n }, (_, i) => startServer(port + 100 + i * 50, url, env)),
        )),
      );
      const accounts = await seedBenchAccounts(url);
      const measured = await measureWriteRows({
        pgids: running.map((s) => s.pid),
        bases: running.map((s) => s.url),
        databaseUrl: url,
        accounts,
        seconds,
        anchor,
      });
      printWriteRows(measured.about, measured.rows, null);
      postgres.push({ servers: n, ...measured });
    } finally {
      await Promise.all(running.map((s) => s.stop("SIGTERM")));
      // The lost-write check's pooled pg connections close after 10 s idle; dropping the database
      // terminates open ones, which pg reports as an unhandled error event.
      await new Promise((r) => setTimeout(r, 11_000));
      await dropDatabase(pgServer, url);
    }
  }
}
writeFileSync(
  path.join(out, "bench-writes.json"),
  JSON.stringify(
    {
      measuredAt: new Date(),
      cores: os.cpus().length,
      loadAverage: os.loadavg(),
      seconds,
      anchor,
      sqlite,
      postgres,
    },
    null,
    2,
  ),
);
console.log("\nWrote bench-results/bench-writes.json");
