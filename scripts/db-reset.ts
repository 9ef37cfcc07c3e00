// Deletes the SQLite database (and its WAL files), re-applies migrations and seeds.
// `migrate reset` does not work in the binary-free setup (see README "Decisions").
import { existsSync, rmSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { sqliteFileFromUrl } from "../lib/db-url";
import { prepareDatabase } from "./lib/prepare";

const file = sqliteFileFromUrl(process.env.DATABASE_URL);
if (existsSync(file) && !process.argv.includes("--yes")) {
  if (!process.stdin.isTTY) {
    console.error(`Refusing to delete ${file} without confirmation: pass --yes`);
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `Delete ${file} and every learner's data in it? Type "reset" to confirm: `,
  );
  rl.close();
  if (answer.trim() !== "reset") {
    console.log("Nothing deleted.");
    process.exit(1);
  }
}
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
console.log(`Deleted ${file}`);
await prepareDatabase();
