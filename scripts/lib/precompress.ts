import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The prerendered HTML pages of a build: URL path → file (prerender-manifest.json). */
export function prerenderedPages(distDir: string): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as {
    routes: Record<
      string,
      { dataRoute?: string | null; initialStatus?: number; initialRevalidateSeconds?: number | false }
    >;
  };
  const pages = new Map<string, string>();
  for (const [route, info] of Object.entries(manifest.routes)) {
    // Pages only (they have an RSC data route), answered 200 and never regenerated.
    if (!info.dataRoute || info.initialStatus || info.initialRevalidateSeconds !== false) continue;
    if (route.startsWith("/_")) continue;
    const file = path.join(distDir, "server/app", route === "/" ? "index.html" : `${route}.html`);
    if (fs.existsSync(file)) pages.set(route, file);
  }
  return pages;
}

/** The index of precompressed pages that scripts/lib/static-pages.cjs reads: URL path → HTML file. */
export const PRECOMPRESSED_INDEX = "lectern-precompressed.json";

/**
 * Writes `<page>.html.br` and `<page>.html.gz` beside every prerendered page of the build, at
 * the highest levels (once per build, so the time does not matter), and their index: the
 * server's preload (scripts/lib/static-pages.cjs) answers browsers with them instead of
 * compressing per request.
 */
export function precompressPages(distDir: string): { pages: number; bytes: number; br: number; gz: number } {
  const totals = { pages: 0, bytes: 0, br: 0, gz: 0 };
  const pages = prerenderedPages(distDir);
  for (const file of pages.values()) {
    const html = fs.readFileSync(file);
    const br = brotliCompressSync(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(html, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    totals.pages += 1;
    totals.bytes += html.length;
    totals.br += br.length;
    totals.gz += gz.length;
  }
  const index = Object.fromEntries([...pages].map(([route, file]) => [route, path.relative(distDir, file)]));
  fs.writeFileSync(path.join(distDir, PRECOMPRESSED_INDEX), `${JSON.stringify(index, null, 2)}\n`);
  return totals;
}
