import { writeFileSync } from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseScores = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Total blocking time and largest contentful paint, ms (the two metrics Part 7 loses on). */
  tbtMs: number;
  lcpMs: number;
};

const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost"',
];

/** Lighthouse (mobile emulation, its default) on each page, with the same Chromium as the tests. */
export async function measureLighthouse(
  base: string,
  pages: Record<string, string>,
  chromiumPath: string,
  /** Writes each page's whole Lighthouse report (JSON) to the file this returns, if given. */
  reportFile?: (name: string) => string,
): Promise<LighthouseScores[]> {
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags: FLAGS });
  const scores: LighthouseScores[] = [];
  try {
    for (const [name, path] of Object.entries(pages)) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (reportFile && result) writeFileSync(reportFile(name), JSON.stringify(result.lhr));
      const c = result?.lhr.categories;
      const score = (key: string) => Math.round((c?.[key]?.score ?? 0) * 100);
      const ms = (audit: string) => Math.round(result?.lhr.audits[audit]?.numericValue ?? Number.NaN);
      scores.push({
        page: name,
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        tbtMs: ms("total-blocking-time"),
        lcpMs: ms("largest-contentful-paint"),
      });
    }
  } finally {
    chrome.kill();
  }
  return scores;
}
