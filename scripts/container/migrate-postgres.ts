// `prisma migrate deploy` for PostgreSQL without the Prisma CLI (the container image has none):
// applies prisma/postgres/migrations/*/migration.sql in name order with pg and records each one in
// _prisma_migrations exactly as Prisma's schema engine does (same table, checksum, timestamps,
// step count), so the CLI agrees with it afterwards (tests/unit/db-container-migrate.test.ts runs
// the real CLI against its result). Holds Prisma Migrate's own advisory lock while it works, so it
// never races another copy of itself or the CLI.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { appliedMigrations, type MigrationReport, readMigrations } from "./migrate";

/** The advisory lock key Prisma Migrate takes on PostgreSQL. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** Prisma 6's table on PostgreSQL, column for column. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Applies every pending migration: refuses to run while one is recorded as failed (P3009), skips
 * applied ones, and runs each script in a transaction of its own (PostgreSQL's DDL is
 * transactional, so a failing migration leaves no half-made tables; it stays recorded as failed
 * with its error, as Prisma records it).
 */
export async function applyPostgresMigrations(client: pg.Client, dir: string): Promise<MigrationReport> {
  const migrations = readMigrations(dir, "postgresql");
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  try {
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<Row>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const applied = appliedMigrations(rows);
    const report: MigrationReport = { total: migrations.length, applied: [], warnings: [] };
    for (const migration of migrations) {
      const done = applied.get(migration.name);
      if (done) {
        if (done.checksum !== migration.checksum)
          report.warnings.push(`Migration "${migration.name}" was modified after it was applied`);
        continue;
      }
      const id = randomUUID();
      await client.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 0)',
        [id, migration.checksum, migration.name],
      );
      try {
        await client.query("BEGIN");
        await client.query(migration.sql); // no parameters: one simple query, every statement in it
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        await client.query('UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2', [
          String((error as Error).message ?? error),
          id,
        ]);
        throw new Error(`Migration "${migration.name}" failed: ${(error as Error).message}`);
      }
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
  }
}
