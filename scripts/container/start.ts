// The container's entry point (the Dockerfile's CMD runs `node start.mjs` in /app): validate the
// environment, apply the committed migrations, seed the catalog, then serve the standalone
// server.js in this same process (so `docker stop`'s SIGTERM reaches Next.js directly).
// `node start.mjs --prepare-only` stops after the seed (a one-shot migration job).
//
// The build stage bundles this file into start.mjs with scripts/container/bundle.ts. The bundle
// loads only what the standalone server already ships: @prisma/client's runtime, the driver
// adapters, better-sqlite3 (one native module) and pg.
// DATABASE_URL chooses the database as everywhere else: file: → SQLite in the /data volume,
// postgres:// → PostgreSQL (several replicas may start at once: they take turns to migrate).
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { createClient } from "../../lib/db/client";
import { SQLITE_PRAGMAS } from "../../lib/db/sqlite";
import { databaseProvider, postgresConnectionFromUrl, sqliteFileFromUrl } from "../../lib/db/url";
import { EnvError, parseEnv } from "../../lib/env";
import { installClientAddressHook } from "../../lib/security/client-address.mjs";
import { seedCatalog } from "../../lib/seed/catalog";
import { withStartupLock } from "../lib/startup-lock";
import { applyMigrations, type MigrationReport } from "./migrate";
import { applyPostgresMigrations } from "./migrate-postgres";

/** The image's app folder: this bundle sits beside server.js, content/ and prisma/migrations. */
const APP_DIR = path.dirname(fileURLToPath(import.meta.url));

const since = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

/** The better-sqlite3 that the driver adapter (and so the server) uses. */
function openSqlite(file: string): BetterSqlite3.Database {
  const require = createRequire(import.meta.resolve("@prisma/adapter-better-sqlite3"));
  const Database = require("better-sqlite3") as typeof BetterSqlite3;
  const db = new Database(file, { timeout: 5000 });
  db.exec(SQLITE_PRAGMAS.join("\n"));
  return db;
}

function migrateSqlite(databaseUrl: string): { where: string; report: MigrationReport } {
  const file = sqliteFileFromUrl(databaseUrl);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = openSqlite(file);
  try {
    return { where: file, report: applyMigrations(sqlite, path.join(APP_DIR, "prisma", "migrations")) };
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(databaseUrl: string): Promise<{ where: string; report: MigrationReport }> {
  const connection = postgresConnectionFromUrl(databaseUrl);
  const client = new pg.Client(connection);
  await client.connect();
  try {
    const report = await applyPostgresMigrations(
      client,
      path.join(APP_DIR, "prisma", "postgres", "migrations"),
    );
    return { where: `PostgreSQL ${connection.host}:${connection.port}/${connection.database}`, report };
  } finally {
    await client.end();
  }
}

async function prepare(databaseUrl: string): Promise<void> {
  let t0 = performance.now();
  const { where, report } =
    databaseProvider(databaseUrl) === "postgresql"
      ? await migratePostgres(databaseUrl)
      : migrateSqlite(databaseUrl);
  for (const warning of report.warnings) console.warn(`! ${warning}`);
  const state = report.applied.length > 0 ? `${report.applied.length} applied` : "up to date";
  console.log(`✔ Database ${where} (${report.total} migrations, ${state}) — ${since(t0)}`);
  t0 = performance.now();
  const { client: db } = createClient(databaseUrl);
  try {
    const seeded = await seedCatalog(db);
    console.log(`✔ Seeded ${seeded.courses} course(s), ${seeded.lessons} lesson(s) — ${since(t0)}`);
  } finally {
    await db.$disconnect();
  }
}

// content/ and relative DATABASE_URLs are read from the working directory, as server.js does.
process.chdir(APP_DIR);
let databaseUrl: string;
try {
  databaseUrl = parseEnv().DATABASE_URL;
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exit(2);
}
try {
  await withStartupLock(
    databaseUrl,
    () => prepare(databaseUrl),
    () => console.log("… another replica is migrating this database; waiting for it"),
  );
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
if (!process.argv.includes("--prepare-only")) {
  // Before the server exists: every request's client address then comes from its connection.
  installClientAddressHook();
  // A computed specifier, so the bundler leaves server.js to Node.
  await import(pathToFileURL(path.join(APP_DIR, "server.js")).href);
}
