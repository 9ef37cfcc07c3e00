// A tiny replacement for `prisma migrate deploy` on SQLite, so the container image needs no Prisma
// CLI: it applies prisma/migrations/*/migration.sql in name order with better-sqlite3 and records
// each one in _prisma_migrations exactly as Prisma's schema engine does (same table, checksum,
// timestamps, step count), so `prisma migrate deploy` and `prisma migrate status` agree with it
// afterwards (tests/unit/container-migrate.test.ts runs the real CLI against its result).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";

type Database = BetterSqlite3.Database;

/** Prisma 6's table, character for character (sqlite_master keeps the text). */
const MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationReport = { total: number; applied: string[]; warnings: string[] };

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
};

/** How Prisma writes timestamps into SQLite: RFC 3339 with milliseconds and "+00:00". */
export function prismaTimestamp(date = new Date()): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/** The committed migrations, in the order Prisma applies them (folder names sort by timestamp). */
export function readMigrations(dir: string, expected: "sqlite" | "postgresql" = "sqlite"): Migration[] {
  const lock = path.join(dir, "migration_lock.toml");
  if (existsSync(lock)) {
    const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(readFileSync(lock, "utf8"))?.[1];
    if (provider && provider !== expected)
      throw new Error(`${lock} is for "${provider}"; this runner applies ${expected} migrations only`);
  }
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    });
}

type RecordedRow = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
};

/**
 * The applied migrations by name, from _prisma_migrations' rows; refuses, as Prisma does (P3009),
 * while one is recorded as failed. Shared by the SQLite and PostgreSQL runners.
 */
export function appliedMigrations<R extends RecordedRow>(rows: R[]): Map<string, R> {
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    throw new Error(
      `Migration ${failed.map((r) => `"${r.migration_name}"`).join(", ")} failed earlier and is still ` +
        "recorded as failed (Prisma's P3009). Fix the database, then mark it with " +
        "`prisma migrate resolve --applied <name>` or `--rolled-back <name>`.",
    );
  }
  return new Map(
    rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]),
  );
}

/**
 * Applies every pending migration, like `prisma migrate deploy`: refuses to run while a migration
 * is recorded as failed (Prisma's P3009), skips applied ones, and runs each script as it is
 * written (Prisma wraps SQLite migrations in no transaction, and their PRAGMA foreign_keys lines
 * would be ignored inside one). A failing script is recorded with its error and rethrown.
 */
export function applyMigrations(db: Database, dir: string, now = () => new Date()): MigrationReport {
  const migrations = readMigrations(dir);
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!hasTable) db.exec(MIGRATIONS_TABLE);

  const rows = db
    .prepare(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
    )
    .all() as Row[];
  const applied = appliedMigrations(rows);
  const warnings: string[] = [];
  const report: MigrationReport = { total: migrations.length, applied: [], warnings };
  const insert = db.prepare(
    "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count) VALUES (?, ?, ?, ?, 0)",
  );
  const finish = db.prepare(
    "UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = applied_steps_count + 1 WHERE id = ?",
  );
  const fail = db.prepare("UPDATE _prisma_migrations SET logs = ? WHERE id = ?");

  for (const migration of migrations) {
    const done = applied.get(migration.name);
    if (done) {
      if (done.checksum !== migration.checksum)
        warnings.push(`Migration "${migration.name}" was modified after it was applied`);
      continue;
    }
    const id = randomUUID();
    insert.run(id, migration.checksum, prismaTimestamp(now()), migration.name);
    try {
      db.exec(migration.sql);
    } catch (error) {
      fail.run(String((error as Error).message ?? error), id);
      throw new Error(`Migration "${migration.name}" failed: ${(error as Error).message}`);
    }
    finish.run(prismaTimestamp(now()), id);
    report.applied.push(migration.name);
  }
  return report;
}
