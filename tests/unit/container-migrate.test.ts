import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SQLITE_PRAGMAS } from "@/lib/db/sqlite";
import { applyMigrations, prismaTimestamp, readMigrations } from "../../scripts/container/migrate";

// The container's migration runner must leave a database exactly as `prisma migrate deploy` does,
// so the real Prisma CLI (binary-free config) is run against its results.
const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");
const work = mkdtempSync(path.join(tmpdir(), "lectern-container-migrate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
const freshFile = () => path.join(work, `db-${++n}.db`);

function open(file: string) {
  const db = new Database(file);
  db.exec(SQLITE_PRAGMAS.join("\n"));
  return db;
}

function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = open(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function prisma(args: string[], file: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/prisma/build/index.js"), ...args, "--config", "prisma/prisma.config.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The schema as SQLite stores it, without Prisma's bookkeeping rows. */
function schemaOf(file: string) {
  return withDb(file, (db) =>
    db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all(),
  );
}

function migrationRows(file: string) {
  return withDb(
    file,
    (db) =>
      db
        .prepare(
          "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
        )
        .all() as Record<string, unknown>[],
  );
}

const committed = readMigrations(MIGRATIONS);

describe("the container's migration runner", () => {
  it("reads the committed migrations in order with Prisma's checksums", () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.map((m) => m.name)).toEqual([...committed.map((m) => m.name)].sort());
    for (const m of committed) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("produces the same schema and _prisma_migrations rows as `prisma migrate deploy`", () => {
    const ours = freshFile();
    const theirs = freshFile();
    const report = withDb(ours, (db) => applyMigrations(db, MIGRATIONS));
    expect(report.applied).toEqual(committed.map((m) => m.name));
    const deployed = prisma(["migrate", "deploy"], theirs);
    expect(deployed.code, deployed.output).toBe(0);

    expect(schemaOf(ours)).toEqual(schemaOf(theirs));
    const [a, b] = [migrationRows(ours), migrationRows(theirs)];
    const comparable = (rows: Record<string, unknown>[]) =>
      rows.map(({ id, started_at, finished_at, ...rest }) => ({
        ...rest,
        id: typeof id === "string" && /^[0-9a-f-]{36}$/.test(id),
        started_at: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/.test(String(started_at)),
        finished_at: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/.test(String(finished_at)),
      }));
    expect(comparable(a)).toEqual(comparable(b));
    expect(comparable(a).every((r) => r.id && r.started_at && r.finished_at)).toBe(true);
  }, 60_000);

  it("leaves a database that `prisma migrate status` calls up to date and `migrate deploy` leaves alone", () => {
    const file = freshFile();
    withDb(file, (db) => applyMigrations(db, MIGRATIONS));
    const status = prisma(["migrate", "status"], file);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date");
    const deploy = prisma(["migrate", "deploy"], file);
    expect(deploy.code, deploy.output).toBe(0);
    expect(deploy.output).toContain("No pending migrations to apply");
    expect(migrationRows(file)).toHaveLength(committed.length);
  }, 60_000);

  it("continues where Prisma stopped, and Prisma continues where it stopped", () => {
    // Ours first, with only the first migration; then Prisma applies the rest.
    const partial = path.join(work, "partial");
    mkdirSync(partial);
    cpSync(path.join(MIGRATIONS, "migration_lock.toml"), path.join(partial, "migration_lock.toml"));
    const first = committed[0]!.name;
    cpSync(path.join(MIGRATIONS, first), path.join(partial, first), { recursive: true });
    const file = freshFile();
    expect(withDb(file, (db) => applyMigrations(db, partial)).applied).toEqual([first]);
    const deploy = prisma(["migrate", "deploy"], file);
    expect(deploy.code, deploy.output).toBe(0);
    expect(migrationRows(file)).toHaveLength(committed.length);

    // Prisma first, then ours: nothing left to do, and a second run of ours changes nothing.
    const other = freshFile();
    expect(prisma(["migrate", "deploy"], other).code).toBe(0);
    expect(withDb(other, (db) => applyMigrations(db, MIGRATIONS)).applied).toEqual([]);
    expect(withDb(other, (db) => applyMigrations(db, MIGRATIONS))).toEqual({
      total: committed.length,
      applied: [],
      warnings: [],
    });
  }, 60_000);

  it("records a failing migration like Prisma, then refuses to run until it is resolved", () => {
    const dir = path.join(work, "broken");
    cpSync(MIGRATIONS, dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(path.join(dir, "29990101000000_broken/migration.sql"), "CREATE TABLE nope (id TEXT;\n");
    const file = freshFile();
    expect(() => withDb(file, (db) => applyMigrations(db, dir))).toThrow(/29990101000000_broken/);
    const failed = migrationRows(file).find((r) => r.migration_name === "29990101000000_broken");
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(String(failed?.logs)).toMatch(/syntax error/);
    expect(() => withDb(file, (db) => applyMigrations(db, dir))).toThrow(/P3009/);
  });

  it("warns when an applied migration was edited, and refuses another database's migrations", () => {
    const dir = path.join(work, "edited");
    cpSync(MIGRATIONS, dir, { recursive: true });
    const file = freshFile();
    withDb(file, (db) => applyMigrations(db, dir));
    const first = readdirSync(dir).find((d) => !d.endsWith(".toml"))!;
    writeFileSync(path.join(dir, first, "migration.sql"), "-- edited\n", { flag: "a" });
    expect(withDb(file, (db) => applyMigrations(db, dir)).warnings).toEqual([
      `Migration "${first}" was modified after it was applied`,
    ]);
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    expect(() => readMigrations(dir)).toThrow(/postgresql/);
  });

  it("writes timestamps the way Prisma does", () => {
    expect(prismaTimestamp(new Date("2026-11-27T14:14:52.993Z"))).toBe("2026-11-27T14:14:52.993+00:00");
  });
});
