// `npm run bench:reset`: does "Forgot password?" answer as fast for an unknown address as for an
// account's? Starts the production server on a fresh SQLite database (and PostgreSQL with
// LECTERN_POSTGRES_URL), then asks alternately for existing and unknown addresses through
// POST /api/auth/password-reset and prints both latency distributions and their ratio.
// Options: --rounds 40 (requests per kind).
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createUser } from "../lib/auth/users";
import { buildIfNeeded } from "./lib/build";
import { createThrowawayDatabase, dropDatabase, postgresServerUrl } from "./lib/postgres-admin";
import { scriptClient } from "./lib/prisma-client";
import { startServer } from "./lib/spawn-server";

const i = process.argv.indexOf("--rounds");
const rounds = i > 0 ? Number(process.argv[i + 1]) : 40;
if (!Number.isInteger(rounds) || rounds < 5 || rounds > 500) {
  console.error("✖ --rounds takes 5 to 500");
  process.exit(2);
}
const port = Number(process.env.LECTERN_BENCH_PORT ?? 3600) + 200;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};

async function measure(label: string, databaseUrl: string) {
  // Explicit bench configuration: every request comes from one machine.
  const server = await startServer(port, databaseUrl, { LECTERN_RATE_LIMIT_SCALE: "100000" });
  try {
    const db = scriptClient(databaseUrl);
    const emails: string[] = [];
    for (let n = 0; n < rounds; n++) {
      const email = `reset-bench-${n}-${randomUUID().slice(0, 6)}@example.test`;
      await createUser(db, {
        email,
        name: `Bench ${n}`,
        password: "bench-password-long-enough",
        role: "learner",
      });
      emails.push(email);
    }
    await db.$disconnect();
    const ask = async (email: string) => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/auth/password-reset`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.1`,
        },
        body: JSON.stringify({ email }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${res.status} ${text}`);
      return { ms: performance.now() - t0, text };
    };
    // Warm up both paths (first requests load code and plan queries).
    await ask(`warm-${randomUUID()}@example.test`);
    await ask(emails[0] as string);
    const known: number[] = [];
    const unknown: number[] = [];
    const answers = new Set<string>();
    for (let n = 0; n < rounds; n++) {
      const [a, b] = [await ask(emails[n] as string), await ask(`nobody-${randomUUID()}@example.test`)];
      known.push(a.ms);
      unknown.push(b.ms);
      answers.add(a.text).add(b.text);
    }
    const row = (name: string, xs: number[]) =>
      `  ${name.padEnd(16)} median ${quantile(xs, 0.5).toFixed(1)} ms   p90 ${quantile(xs, 0.9).toFixed(1)} ms   min ${Math.min(...xs).toFixed(1)} ms`;
    console.log(
      `\n${label}: ${rounds} requests each, alternating (load average ${os.loadavg()[0]?.toFixed(1)})`,
    );
    console.log(row("account exists", known));
    console.log(row("no account", unknown));
    console.log(
      `  ratio of medians (exists / none): ${(quantile(known, 0.5) / quantile(unknown, 0.5)).toFixed(3)}; distinct answers: ${answers.size}`,
    );
  } finally {
    await server.stop("SIGTERM");
  }
}

await buildIfNeeded();
const dir = mkdtempSync(path.join(os.tmpdir(), "lectern-bench-reset-"));
await measure("SQLite", `file:${path.join(dir, "bench.db")}`);
const pgServer = postgresServerUrl();
if (pgServer) {
  const url = await createThrowawayDatabase(pgServer, "lectern_bench_reset");
  try {
    await measure("PostgreSQL", url);
  } finally {
    await dropDatabase(pgServer, url);
  }
}
