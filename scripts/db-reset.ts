// Empties the database, re-applies migrations and seeds. SQLite: deletes the file (and its WAL
// files). PostgreSQL: `prisma migrate reset` (drops every table of the database's schema).
// `migrate reset` does not work on SQLite in the binary-free setup (see README "Decisions").
import { existsSync, rmSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { databaseProvider, sqliteFileFromUrl } from "../lib/db/url";
import { describeDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { prisma } from "./lib/run";

const url = process.env.DATABASE_URL;
const provider = databaseProvider(url);
const where = describeDatabase(url);
const exists = provider === "postgresql" || existsSync(sqliteFileFromUrl(url));
if (exists && !process.argv.includes("--yes")) {
  if (!process.stdin.isTTY) {
    console.error(`Refusing to empty ${where} without confirmation: pass --yes`);
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `Empty ${where} and delete every learner's data in it? Type "reset" to confirm: `,
  );
  rl.close();
  if (answer.trim() !== "reset") {
    console.log("Nothing deleted.");
    process.exit(1);
  }
}
if (provider === "sqlite") {
  const file = sqliteFileFromUrl(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  console.log(`Deleted ${file}`);
} else {
  await prisma(["migrate", "reset", "--force", "--skip-seed", "--skip-generate"], { capture: true });
  console.log(`Emptied ${where}`);
}
await prepareDatabase();
