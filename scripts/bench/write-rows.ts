import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { groupCpuMs, processCpuMs } from "./cpu";
import { type LoadResult, loadWrite, type WriteLoad } from "./load";
import { lostWrites, measureWrites } from "./writes";

/** Seconds of load before each measurement (loads the route's code, fills caches), uncounted. */
const WARMUP_SECONDS = 3;

/** One write figure of bench.json: the same server's /about and the bare anchor beside it. */
export type WriteRow = Measured & {
  /** Acknowledged writes the database does not hold afterwards (must be 0). */
  lost: number;
  /** req/s over the same server's /about req/s, same load generator, same run. */
  ratioToAbout: number;
  /**
   * /about's server CPU per request over this write's: the throughput ratio the server would
   * reach if CPU were all it waited for, and steady when other processes share the machine.
   */
  cpuRatioToAbout: number | null;
  /** req/s over the bare node:http + better-sqlite3 anchor's, same run (null without one). */
  ratioToAnchor: number | null;
};

/** A load's figures without its per-request records; CPU per request when it was read. */
export type Measured = LoadResult & { cpuMsPerRequest: number | null };

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/** Starts the anchor (scripts/bench/anchor-writes.ts) on a fresh database; resolves once it listens. */
async function startAnchor(port: number): Promise<ChildProcess> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "lectern-anchor-")), "anchor.db");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "anchor-writes.ts"), String(port), file],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("anchor ready") && resolve());
    child.on("exit", (code) => reject(new Error(`the write anchor exited (${code})`)));
  });
  return child;
}

/** The anchor's quiz-shaped writes from 64 clients, with the same generator as Lectern's. */
export async function measureAnchor(port: number, seconds = 10): Promise<Measured> {
  const anchor = await startAnchor(port);
  const pid = anchor.pid ?? 0;
  try {
    const load = await loadWrite(
      "anchor: node:http + better-sqlite3, quiz write shape",
      `http://127.0.0.1:${port}/`,
      Array.from({ length: 64 }, () => null),
      (c, n) => ({
        course: "docker",
        lesson: "multi-stage-builds",
        quizId: "q",
        submissionId: `${c}-${n}-${Math.random()}`,
        answers: { a: 1, b: [2], c: true },
      }),
      seconds,
      { warmupSeconds: WARMUP_SECONDS, cpu: () => processCpuMs(pid) },
    );
    return strip(load);
  } finally {
    anchor.kill("SIGTERM");
  }
}

function strip({ acknowledged: _a, cookies: _c, ...figures }: WriteLoad): Measured {
  return figures;
}

/**
 * The write rows of the benchmark, from one run: /about read by the same 64-client generator,
 * then each write (quiz submission, progress write, comment post) with its lost count, and
 * their ratios to /about and to the anchor.
 */
export async function measureWriteRows(opts: {
  bases: string[];
  databaseUrl: string;
  accounts: string[];
  seconds?: number;
  anchor?: Measured | null;
  /** The app servers' process groups, whose CPU time per request is reported. */
  pgids?: number[];
}): Promise<{ about: Measured; rows: WriteRow[] }> {
  const seconds = opts.seconds ?? 10;
  const options = {
    warmupSeconds: WARMUP_SECONDS,
    cpu: opts.pgids ? () => opts.pgids!.reduce((sum, g) => sum + groupCpuMs(g), 0) : undefined,
  };
  const about = strip(
    await loadWrite(
      "/about (same generator)",
      opts.bases.map((b) => `${b}/about`),
      Array.from({ length: 64 }, () => null),
      undefined,
      seconds,
      options,
    ),
  );
  const loads = await measureWrites(opts.bases, opts.accounts, seconds, undefined, options);
  const rows: WriteRow[] = [];
  for (const load of loads) {
    rows.push({
      ...strip(load),
      lost: await lostWrites(opts.databaseUrl, load),
      ratioToAbout: ratio(load.rps, about.rps),
      cpuRatioToAbout:
        load.cpuMsPerRequest && about.cpuMsPerRequest
          ? ratio(about.cpuMsPerRequest, load.cpuMsPerRequest)
          : null,
      ratioToAnchor: opts.anchor ? ratio(load.rps, opts.anchor.rps) : null,
    });
  }
  return { about, rows };
}

/** Prints write rows as the README's table shows them. */
export function printWriteRows(about: Measured, rows: WriteRow[], anchor: Measured | null) {
  const cpu = (m: Measured) => (m.cpuMsPerRequest === null ? "" : `, ${m.cpuMsPerRequest} ms CPU/request`);
  console.log(
    `  /about (same generator) ${about.rps} req/s, p50 ${about.p50} ms, p99 ${about.p99} ms${cpu(about)}`,
  );
  if (anchor)
    console.log(`  anchor ${anchor.rps} req/s, p50 ${anchor.p50} ms, p99 ${anchor.p99} ms${cpu(anchor)}`);
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(16)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}/${r.requests}, lost ${r.lost}${cpu(r)}, ${Math.round(r.ratioToAbout * 100)}% of /about (CPU: ${r.cpuRatioToAbout === null ? "?" : Math.round(r.cpuRatioToAbout * 100)}%)${r.ratioToAnchor === null ? "" : `, ${(r.ratioToAnchor * 100).toFixed(1)}% of the anchor`}`,
    );
}
