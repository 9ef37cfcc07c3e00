// `npm run db:backup [-- <file>]`: a consistent copy of the live SQLite database, taken with
// SQLite's online backup API while the server keeps running. Default: backups/lectern-<time>.db
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFileFromUrl } from "../lib/db/url";
import { requireSqlite } from "./lib/sqlite-only";

requireSqlite("db:backup", 'pg_dump -Fc "$DATABASE_URL" > lectern.dump (see README)');

const source = sqliteFileFromUrl(process.env.DATABASE_URL);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join("backups", `lectern-${stamp}.db`));
mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
const t0 = performance.now();
try {
  await db.backup(target, {
    progress({ totalPages, remainingPages }) {
      const done = totalPages - remainingPages;
      process.stdout.write(
        `\r  copying ${done}/${totalPages} pages (${Math.round((done / Math.max(1, totalPages)) * 100)}%)`,
      );
      return 512;
    },
  });
} finally {
  db.close();
}
const copy = new Database(target, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
copy.close();
if (check !== "ok") {
  console.error(`\n✖ The backup failed its integrity check: ${check}`);
  process.exit(1);
}
console.log(
  `\n✔ Backed up ${source} to ${target} (${(statSync(target).size / 1e6).toFixed(1)} MB, integrity ok) in ${Math.round(performance.now() - t0)} ms`,
);
