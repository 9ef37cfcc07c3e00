import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export type JsBytes = { page: string; path: string; scripts: number; gzipBytes: number; rawBytes: number };

/** JavaScript a browser downloads to load each page (gzip level 6 of every script it fetched). */
export async function measureJs(
  base: string,
  pages: Record<string, string>,
  chromiumPath: string,
): Promise<JsBytes[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--disable-dev-shm-usage", "--disable-gpu"],
  });
  const results: JsBytes[] = [];
  try {
    for (const [name, path] of Object.entries(pages)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Promise<Buffer | null>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") bodies.push(res.body().catch(() => null));
      });
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      results.push({
        page: name,
        path,
        scripts: buffers.length,
        rawBytes: buffers.reduce((n, b) => n + b.length, 0),
        gzipBytes: buffers.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
