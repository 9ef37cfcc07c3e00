// Measures the instructor preview's latency in Chromium: from the last keystroke ("typing
// stopped") to the preview showing the edit, on Part 7's source. The time includes the 400 ms
// debounce, the server action (compile on the compiler thread + server rendering) and React
// applying the result. Runs the production build (`npm run build` first) on a throwaway
// database, signs in as a fresh instructor, types one word per run and reports the median.
// Usage: npx tsx scripts/bench-preview.ts [runs]   (LECTERN_BENCH_PORT, default 3790)
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { createUser } from "../lib/auth/users";
import { waitForHydration } from "../tests/e2e/support/hydration";
import { startServer } from "../tests/e2e/support/server";
import { findChromium } from "./lib/chromium";
import { scriptClient } from "./lib/prisma-client";

const runs = Number(process.argv[2] ?? 10);
const port = Number(process.env.LECTERN_BENCH_PORT ?? 3790);
const file = path.join(tmpdir(), "lectern-e2e", `bench-preview-${port}.db`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
const databaseUrl = `file:${file}`;

const browserPath = await findChromium();
if (!browserPath) throw new Error("No Chromium: set LECTERN_CHROMIUM");
const server = await startServer(port, databaseUrl, { LECTERN_RATE_LIMIT_SCALE: "10" });
const browser = await chromium.launch({ executablePath: browserPath.path, args: ["--disable-gpu"] });
try {
  const email = `bench-${randomUUID().slice(0, 8)}@example.test`;
  const db = scriptClient(databaseUrl);
  await createUser(db, {
    email,
    name: "Bench",
    password: "correct-horse-battery-staple",
    role: "instructor",
  });
  await db.$disconnect();

  const page = await browser.newPage({ baseURL: server.url });
  await page.goto("/sign-in?next=/instructor");
  await waitForHydration(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery-staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/instructor");
  await page.goto("/instructor/preview?lesson=docker/multi-stage-builds");
  await page.locator("[data-preview-lesson='multi-stage-builds']").waitFor();
  const editor = page.getByRole("textbox", { name: "Lesson source (MDX)" });

  const samples: number[] = [];
  const compiles: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const word = `benchword${i}x`;
    await editor.evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    // Records the time of the last input event and of the preview showing `word`.
    await page.evaluate((w) => {
      const state = { lastInput: 0, shown: 0 };
      (window as unknown as { __bench: typeof state }).__bench = state;
      document.getElementById("lesson-source")?.addEventListener("input", () => {
        state.lastInput = performance.now();
      });
      const pane = document.querySelector("[data-preview-version]")!;
      new MutationObserver((_, observer) => {
        if (pane.textContent?.includes(w)) {
          state.shown = performance.now();
          observer.disconnect();
        }
      }).observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
    }, word);
    await page.keyboard.type(`\n\n${word}\n`, { delay: 30 });
    await page.waitForFunction(
      () => (window as unknown as { __bench: { shown: number } }).__bench.shown > 0,
      null,
      {
        timeout: 15_000,
      },
    );
    const { lastInput, shown } = await page.evaluate(
      () => (window as unknown as { __bench: { lastInput: number; shown: number } }).__bench,
    );
    const status = (await page.locator("#preview-status").textContent()) ?? "";
    if (!/Preview updated/.test(status)) throw new Error(`Run ${i}: ${status}`);
    if (i === 0) continue; // the first run warms the compiler thread
    samples.push(shown - lastInput);
    compiles.push(Number(/compiled in (\d+) ms/.exec(status)?.[1]));
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(
      (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2,
    );
  };
  console.log(
    `Part 7 preview, typing stopped → preview updated (${samples.length} runs, 400 ms debounce included):`,
  );
  console.log(
    `  median ${median(samples)} ms · min ${Math.round(Math.min(...samples))} ms · max ${Math.round(Math.max(...samples))} ms`,
  );
  console.log(`  all: ${samples.map((s) => Math.round(s)).join(", ")} ms`);
  console.log(`  of which compiling on the server (median): ${median(compiles)} ms`);
} finally {
  await browser.close();
  await server.stop("SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}
