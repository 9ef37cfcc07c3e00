import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { suiteClockFile, suiteDatabaseUrl } from "./e2e/support/database";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.LECTERN_E2E_PORT ?? 3100);
/** A throwaway database, wiped by scripts/e2e-server.ts before the server starts. */
export const E2E_DATABASE_URL = suiteDatabaseUrl();
/** The server's test clock (lib/clock.ts): milliseconds ahead of real time, written by review.spec.ts. */
export const E2E_CLOCK_FILE = suiteClockFile();
const chromiumPath = process.env.LECTERN_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  outputDir: path.join(root, "test-results"),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous: full-page axe scans of the longest lessons take several seconds on 2 busy cores.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: E2E_DATABASE_URL,
      LECTERN_SECRET: "e2e-secret-that-is-long-enough-for-validation-000",
      // Explicit test configuration: many test learners share one client address.
      LECTERN_RATE_LIMIT_SCALE: "20",
      // Explicit test configuration: the review spec moves the scheduling clock through this file.
      LECTERN_TEST_CLOCK_FILE: E2E_CLOCK_FILE,
      LECTERN_TEST_SERVER: "yes",
      SITE_URL: `http://localhost:${port}`,
    },
  },
});
