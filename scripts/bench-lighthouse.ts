// `npm run bench:lighthouse -- [path] [runs]`: Lighthouse (mobile) on one page several times in
// a row against the production server on a fresh seeded database, then the spread. One run's
// performance score moves by several points on this machine; compare changes with ten runs.
// Defaults: Part 7, 10 runs. `--save DIR` keeps each run's whole report (DIR/run-N.json) to read
// its main-thread audits (bootup-time, mainthread-work-breakdown, long-tasks).
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type LighthouseScores, measureLighthouse } from "./bench/lighthouse";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";
import { startServer } from "./lib/spawn-server";

const args = process.argv.slice(2);
const saveAt = args.indexOf("--save");
const saveDir = saveAt >= 0 ? args.splice(saveAt, 2)[1] : undefined;
const page = args[0] ?? "/courses/docker/multi-stage-builds";
const runs = Number(args[1] ?? 10);
if (!page.startsWith("/") || !Number.isInteger(runs) || runs < 1 || runs > 100 || (saveAt >= 0 && !saveDir)) {
  console.error("usage: npm run bench:lighthouse -- [path starting with /] [runs, 1–100] [--save DIR]");
  process.exit(2);
}
const chromium = await findChromium();
if (!chromium) throw new Error("No Chromium: set LECTERN_CHROMIUM (see README)");

await buildIfNeeded();
if (saveDir) mkdirSync(saveDir, { recursive: true });
const dir = mkdtempSync(path.join(tmpdir(), "lectern-bench-lh-"));
const server = await startServer(
  Number(process.env.LECTERN_BENCH_PORT ?? 3600),
  `file:${path.join(dir, "bench.db")}`,
  {
    LECTERN_SECRET: randomUUID() + randomUUID(),
  },
);
try {
  console.log(`▶ Lighthouse (mobile) on ${page}, ${runs} runs`);
  const results: LighthouseScores[] = [];
  for (let i = 1; i <= runs; i++) {
    const report = saveDir ? () => path.join(saveDir, `run-${i}.json`) : undefined;
    const [r] = await measureLighthouse(server.url, { page }, chromium.path, report);
    if (!r) throw new Error("Lighthouse returned no result");
    results.push(r);
    console.log(
      `  run ${String(i).padStart(3)}: performance ${r.performance}, TBT ${r.tbtMs} ms, LCP ${r.lcpMs} ms`,
    );
  }
  const stat = (pick: (r: LighthouseScores) => number) => {
    const v = results.map(pick).sort((a, b) => a - b);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return `min ${v[0]}, median ${v[Math.floor((v.length - 1) / 2)]}, mean ${mean.toFixed(1)}, max ${v.at(-1)}`;
  };
  console.log(`  performance: ${stat((r) => r.performance)}`);
  console.log(`  TBT ms:      ${stat((r) => r.tbtMs)}`);
  console.log(`  LCP ms:      ${stat((r) => r.lcpMs)}`);
} finally {
  await server.stop("SIGTERM");
}
