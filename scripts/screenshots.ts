// `npm run screenshots [-- --out <dir>]`: builds if needed, starts the built app on a throwaway
// database and drives every page type and state at 390 and 1280 px, light and dark, writing
// PNGs (default: screenshots/, which git ignores). See tests/screenshots/shots.spec.ts for the list.
import path from "node:path";
import { buildIfNeeded } from "./lib/build";
import { run } from "./lib/run";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = path.resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : "screenshots");
// Its own port (and so its own database), clear of the e2e suite's server and its extra servers.
const port =
  process.env.LECTERN_SCREENSHOTS_PORT ?? String(Number(process.env.LECTERN_E2E_PORT ?? 3100) + 700);

await buildIfNeeded();
console.log(`▶ Screenshots into ${out} (server on port ${port})`);
const result = await run("playwright", ["test", "-c", "tests/screenshots/playwright.config.ts"], {
  env: { LECTERN_E2E_PORT: port, LECTERN_E2E_DATABASE: "sqlite", LECTERN_SCREENSHOTS_DIR: out },
});
process.exit(result.code ?? 1);
