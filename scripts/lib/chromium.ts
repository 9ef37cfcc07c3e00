import { existsSync } from "node:fs";

export const CHROMIUM_ENV = "LECTERN_CHROMIUM";

/**
 * The Chromium the browser tests drive: $LECTERN_CHROMIUM, else Debian's /usr/bin/chromium,
 * else Playwright's own download if one is installed. Null when there is none.
 */
export async function findChromium(): Promise<{ path: string; source: string } | null> {
  const fromEnv = process.env[CHROMIUM_ENV];
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, source: `$${CHROMIUM_ENV}` } : null;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return { path: candidate, source: "system" };
  }
  try {
    const { chromium } = await import("@playwright/test");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return { path: bundled, source: "Playwright" };
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

/** What to tell someone who has no Chromium. */
export function chromiumHelp(): string {
  const fromEnv = process.env[CHROMIUM_ENV];
  return [
    fromEnv ? `${CHROMIUM_ENV}=${fromEnv} does not exist.` : "No Chromium found for the browser tests.",
    "Get one of these, then run npm test again:",
    "  • Debian/Ubuntu:  sudo apt-get install -y chromium        (installs /usr/bin/chromium)",
    "  • With internet access to Playwright's CDN:  npx playwright install chromium",
    `  • Or point the tests at a Chromium/Chrome you have:  ${CHROMIUM_ENV}=/path/to/chrome npm test`,
  ].join("\n");
}
