// The server the browser tests run against: the production build on a fresh throwaway
// database (deleted first), with rate limits scaled explicitly for many test learners.
import { rmSync } from "node:fs";
import { sqliteFileFromUrl } from "../lib/db-url";
import { ROOT, run } from "./lib/run";

const file = sqliteFileFromUrl(process.env.DATABASE_URL);
if (!file.includes("lectern-e2e")) {
  console.error(`Refusing to wipe ${file}: the e2e database path must contain "lectern-e2e"`);
  process.exit(2);
}
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
const result = await run("node", [`${ROOT}/node_modules/tsx/dist/cli.mjs`, "scripts/start.ts", "--no-build"]);
process.exit(result.code);
