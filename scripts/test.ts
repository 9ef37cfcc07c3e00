// `npm test`: type check, lint, content check, unit tests, then end-to-end tests in Chromium
// against a production build (built once, reused when the sources have not changed).
import { buildIfNeeded } from "./lib/build";
import { CHROMIUM_ENV, chromiumHelp, findChromium } from "./lib/chromium";
import { run, since } from "./lib/run";

const chromium = await findChromium();
if (!chromium) {
  console.error(`✖ ${chromiumHelp()}`);
  process.exit(1);
}
console.log(`Browser for e2e: ${chromium.path} (${chromium.source})`);

type Step = { name: string; exec: () => Promise<number> };
const npx =
  (bin: string, args: string[], env: Record<string, string> = {}) =>
  async () =>
    (await run(bin, args, { env })).code;

const steps: Step[] = [
  { name: "typecheck", exec: npx("tsc", ["--noEmit"]) },
  { name: "lint", exec: npx("biome", ["check", "."]) },
  {
    name: "content:check",
    exec: async () => (await run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/content-check.ts"])).code,
  },
  { name: "unit", exec: npx("vitest", ["run", "--config", "tests/vitest.config.ts"]) },
  {
    name: "build",
    exec: async () => {
      try {
        await buildIfNeeded();
        return 0;
      } catch (error) {
        console.error(`✖ ${(error as Error).message}`);
        return 1;
      }
    },
  },
  {
    name: "e2e",
    exec: npx("playwright", ["test", "-c", "tests/playwright.config.ts", ...process.argv.slice(2)], {
      [CHROMIUM_ENV]: chromium.path,
    }),
  },
];

const timings: string[] = [];
const t0 = performance.now();
for (const step of steps) {
  const started = performance.now();
  console.log(`\n━━ ${step.name} ━━`);
  const code = await step.exec();
  timings.push(`  ${code === 0 ? "✔" : "✖"} ${step.name.padEnd(14)} ${since(started)}`);
  if (code !== 0) {
    console.error(`\n✖ npm test failed at "${step.name}"\n${timings.join("\n")}`);
    process.exit(code || 1);
  }
}
console.log(`\n✔ All checks passed in ${since(t0)}\n${timings.join("\n")}`);
