import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startNginx } from "./nginx";
import { type WrkResult, wrk } from "./wrk";

export type PageSizes = { page: string; rawBytes: number; gzipBytes: number; brBytes: number };
export type PagesReport = {
  sizes: PageSizes[];
  reads: WrkResult[];
  budgets: { budget: string; value: string; ok: boolean }[];
};

const pct = (a: number, b: number) => Math.round((a / b) * 100);

/** The prerendered file of a page in the build, and its precompressed copies' sizes. */
function sizes(distDir: string, page: string, route: string): PageSizes {
  const file = path.join(distDir, "server/app", `${route}.html`);
  const html = fs.readFileSync(file);
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : Number.NaN);
  return {
    page,
    rawBytes: html.length,
    gzipBytes: fs.existsSync(`${file}.gz`) ? size(`${file}.gz`) : gzipSync(html, { level: 9 }).length,
    brBytes: size(`${file}.br`),
  };
}

/**
 * Page reads with their anchors, in one run (wrk, 64 connections, 8 s each): nginx serving Part 7's
 * prerendered file precompressed from disk, nginx with the repository's config (deploy/nginx.conf,
 * its cache) in front of the app, and the app itself for Part 7 and /about, as browsers ask
 * (Accept-Encoding). Each budget is a ratio of two figures of this run.
 */
export async function measurePages({
  appPort,
  distDir,
  dir,
  part7,
  simplest,
}: {
  appPort: number;
  distDir: string;
  dir: string;
  part7: string;
  simplest: string;
}): Promise<PagesReport> {
  const staticRoot = path.join(dir, "static");
  for (const route of [part7, simplest]) {
    const from = path.join(distDir, "server/app", `${route}.html`);
    const to = path.join(staticRoot, `${route}.html`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.writeFileSync(
      `${to}.gz`,
      fs.existsSync(`${from}.gz`)
        ? fs.readFileSync(`${from}.gz`)
        : gzipSync(fs.readFileSync(from), { level: 9 }),
    );
  }
  const diskPort = appPort + 1;
  const proxyPort = appPort + 2;
  const nginx = await startNginx({ dir: path.join(dir, "nginx"), staticRoot, diskPort, proxyPort, appPort });
  const reads: WrkResult[] = [];
  try {
    // The cache is filled by a first request, as a first reader would.
    const cached = `http://127.0.0.1:${proxyPort}${part7}`;
    for (let i = 0; i < 2; i++)
      await (await fetch(cached, { headers: { "Accept-Encoding": "gzip" } })).arrayBuffer();
    const status = (await fetch(cached, { headers: { "Accept-Encoding": "gzip" } })).headers.get("x-cache");
    if (status !== "HIT") throw new Error(`nginx did not cache Part 7 (X-Cache: ${status})`);
    // nginx figures with gzip (the file on disk is the .gz); the app's as a browser asks.
    reads.push(
      await wrk("nginx: Part 7 from disk (gzip_static)", `http://127.0.0.1:${diskPort}${part7}`, {
        encoding: "gzip",
      }),
    );
    reads.push(await wrk("nginx cache in front of the app: Part 7", cached, { encoding: "gzip" }));
  } finally {
    await nginx.stop();
  }
  reads.push(await wrk("app (npm start): Part 7", `http://127.0.0.1:${appPort}${part7}`));
  reads.push(await wrk("app (npm start): /about", `http://127.0.0.1:${appPort}${simplest}`));
  const [disk, cache, app7, appAbout] = reads as [WrkResult, WrkResult, WrkResult, WrkResult];
  const pageSizes = [sizes(distDir, "Part 7", part7), sizes(distDir, "/about", simplest)];
  const p7 = pageSizes[0]!;
  const budgets = [
    {
      budget: "Part 7 HTML ≤ 150 KB raw, ≤ 30 KB gzip",
      value: `${(p7.rawBytes / 1024).toFixed(1)} KB, ${(p7.gzipBytes / 1024).toFixed(1)} KB gzip (${(p7.brBytes / 1024).toFixed(1)} KB brotli)`,
      ok: p7.rawBytes <= 150 * 1024 && p7.gzipBytes <= 30 * 1024,
    },
    {
      budget: "npm start: Part 7 ≥ 90% of /about (as browsers ask)",
      value: `${app7.rps.toLocaleString("en")} vs ${appAbout.rps.toLocaleString("en")} req/s: ${pct(app7.rps, appAbout.rps)}%`,
      ok: app7.rps >= 0.9 * appAbout.rps && app7.errors === 0,
    },
    {
      budget: "nginx cache in front of the app ≥ 50% of nginx from disk (Part 7)",
      value: `${cache.rps.toLocaleString("en")} vs ${disk.rps.toLocaleString("en")} req/s: ${pct(cache.rps, disk.rps)}%`,
      ok: cache.rps >= 0.5 * disk.rps && cache.errors === 0,
    },
  ];
  return { sizes: pageSizes, reads, budgets };
}
