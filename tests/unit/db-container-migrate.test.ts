// The container's PostgreSQL migration runner must leave a database exactly as
// `prisma migrate deploy` does: the real Prisma CLI (binary-free config) is run against its
// results. Runs in npm test's PostgreSQL pass (it needs a server); skipped on SQLite, whose
// runner tests/unit/container-migrate.test.ts covers.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/scripts/container/migrate";
import { applyPostgresMigrations } from "@/scripts/container/migrate-postgres";
import {
  createThrowawayDatabase,
  dropDatabase,
  postgresServerUrl,
  withPgClient,
} from "@/scripts/lib/postgres-admin";
import { PRISMA_FILES, run } from "@/scripts/lib/run";
import { TEST_PROVIDER } from "../support/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, PRISMA_FILES.postgresql.migrations);
const made: string[] = [];
const work = mkdtempSync(path.join(tmpdir(), "lectern-pg-migrate-"));

async function fresh(): Promise<string> {
  const url = await createThrowawayDatabase(postgresServerUrl() as string, "lectern_unit_cmigrate");
  made.push(url);
  return url;
}

const cli = (args: string[], url: string) =>
  run("prisma", [...args, "--config", PRISMA_FILES.postgresql.config], {
    env: { DATABASE_URL: url },
    capture: true,
  });

/** Tables, columns, indexes and constraints, without Prisma's bookkeeping rows. */
const schemaOf = (url: string) =>
  withPgClient(url, async (c) => ({
    columns: (
      await c.query(
        "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
      )
    ).rows,
    indexes: (
      await c.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")
    ).rows,
    constraints: (
      await c.query(
        "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1",
      )
    ).rows,
  }));

const rowsOf = (url: string) =>
  withPgClient(
    url,
    async (c) =>
      (
        await c.query(
          'SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
        )
      ).rows,
  );

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const url of made) await dropDatabase(postgresServerUrl() as string, url);
});

describe.skipIf(TEST_PROVIDER !== "postgresql")("the container's PostgreSQL migration runner", () => {
  it("produces the same schema and _prisma_migrations rows as `prisma migrate deploy`", async () => {
    const ours = await fresh();
    const theirs = await fresh();
    const report = await withPgClient(ours, (c) => applyPostgresMigrations(c, MIGRATIONS));
    expect(report.applied).toEqual(readMigrations(MIGRATIONS, "postgresql").map((m) => m.name));
    expect((await cli(["migrate", "deploy"], theirs)).code).toBe(0);
    expect(await schemaOf(ours)).toEqual(await schemaOf(theirs));
    expect(await rowsOf(ours)).toEqual(await rowsOf(theirs));
    // and the CLI agrees that nothing is left to do
    const status = await cli(["migrate", "status"], ours);
    expect(status.stdout).toContain("Database schema is up to date");
    expect((await withPgClient(ours, (c) => applyPostgresMigrations(c, MIGRATIONS))).applied).toEqual([]);
  }, 60_000);

  it("lets replicas start at once: each waits for the lock, one applies, none fails", async () => {
    const url = await fresh();
    const reports = await Promise.all(
      [1, 2, 3].map(() => withPgClient(url, (c) => applyPostgresMigrations(c, MIGRATIONS))),
    );
    expect(reports.map((r) => r.applied.length).sort()).toEqual([
      0,
      0,
      readMigrations(MIGRATIONS, "postgresql").length,
    ]);
  }, 60_000);

  it("rolls a failing migration back, records it as failed, and then refuses to go on (P3009)", async () => {
    const url = await fresh();
    const dir = path.join(work, "broken");
    cpSync(MIGRATIONS, dir, { recursive: true });
    const broken = path.join(dir, "29990101000000_broken");
    cpSync(path.join(dir, readMigrations(MIGRATIONS, "postgresql")[0]!.name), broken, { recursive: true });
    writeFileSync(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "Half" ("id" TEXT);\nSELECT * FROM "NoSuchTable";\n',
    );
    await expect(withPgClient(url, (c) => applyPostgresMigrations(c, dir))).rejects.toThrow(
      /29990101000000_broken/,
    );
    const half = await withPgClient(url, (c) => c.query("SELECT to_regclass('public.\"Half\"') AS t"));
    expect(half.rows[0].t).toBeNull(); // the failed script left nothing behind
    const rows = await rowsOf(url);
    expect(rows.find((r) => r.migration_name === "29990101000000_broken")).toMatchObject({ finished: false });
    await expect(withPgClient(url, (c) => applyPostgresMigrations(c, dir))).rejects.toThrow(/P3009/);
  }, 60_000);
});
