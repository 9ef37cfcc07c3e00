// `npm run db:restore -- <backup file> [--yes]`: replaces the database with a backup. Stop the
// server first. The current database is kept beside it as <name>.before-restore-<time>.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import Database from "better-sqlite3";
import { sqliteFileFromUrl } from "../lib/db/url";
import { requireSqlite } from "./lib/sqlite-only";

requireSqlite("db:restore", 'pg_restore --clean -d "$DATABASE_URL" lectern.dump (see README)');

const backup = process.argv[2];
if (!backup || !existsSync(backup)) {
  console.error("Usage: npm run db:restore -- <backup file> [--yes]");
  process.exit(2);
}
const check = new Database(backup, { readonly: true });
const integrity = check.pragma("integrity_check", { simple: true });
const migrations = check.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get() as { n: number };
check.close();
if (integrity !== "ok") {
  console.error(`✖ ${backup} fails its integrity check (${integrity}); nothing was changed.`);
  process.exit(1);
}
const target = sqliteFileFromUrl(process.env.DATABASE_URL);
if (!process.argv.includes("--yes")) {
  if (!process.stdin.isTTY) {
    console.error("Refusing to replace the database without confirmation: pass --yes");
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `Replace ${target} with ${backup}? Stop the server first. Type "restore": `,
  );
  rl.close();
  if (answer.trim() !== "restore") {
    console.log("Nothing changed.");
    process.exit(1);
  }
}
if (existsSync(target)) {
  // Fold the WAL into the file first so the kept copy is complete.
  const current = new Database(target);
  current.pragma("wal_checkpoint(TRUNCATE)");
  current.close();
  const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(target, kept);
  console.log(`Kept the previous database as ${kept}`);
}
for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
copyFileSync(backup, target);
console.log(
  `✔ Restored ${target} from ${backup} (${migrations.n} migrations recorded). Start the server: npm start`,
);
