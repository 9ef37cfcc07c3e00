// Creates a migration for each provider from the difference between its committed migrations and
// the schema (`prisma migrate dev` is broken in the binary-free setup; see README "Decisions").
// Usage: npm run db:new-migration -- <name>
// prisma/schema.prisma is the source: the PostgreSQL schema is regenerated from it first. The
// PostgreSQL diff needs a server for its shadow database: LECTERN_POSTGRES_URL (a role that may
// create databases). Without it only SQLite's migration is made, and the command says so.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "../lib/db/url";
import { migrateDatabase } from "./lib/database";
import { createThrowawayDatabase, dropDatabase, postgresServerUrl } from "./lib/postgres-admin";
import { POSTGRES_SCHEMA, postgresSchemaStatus } from "./lib/postgres-schema";
import { PRISMA_FILES, prisma, ROOT, run } from "./lib/run";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9][a-z0-9_]*$/.test(name)) {
  console.error(
    "Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and _; e.g. add_comments)",
  );
  process.exit(2);
}

const schema = postgresSchemaStatus();
if (!schema.upToDate) {
  writeFileSync(POSTGRES_SCHEMA, schema.expected);
  console.log("Regenerated prisma/postgres/schema.prisma from prisma/schema.prisma");
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

/** Diffs one provider's migrations against its schema; writes a new migration when they differ. */
async function createFor(provider: DatabaseProvider, databaseUrl: string): Promise<boolean> {
  const files = PRISMA_FILES[provider];
  const migrationsDir = path.join(ROOT, files.migrations);
  mkdirSync(migrationsDir, { recursive: true });
  const lockFile = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockFile)) writeFileSync(lockFile, `provider = "${provider}"\n`);
  const hasMigrations = readdirSync(migrationsDir).some((entry) => /^\d{14}_/.test(entry));
  const out = path.join(mkdtempSync(path.join(tmpdir(), "lectern-migration-")), "migration.sql");
  const from = hasMigrations ? ["--from-migrations", files.migrations] : ["--from-empty"];
  console.log(
    `\n[${provider}] comparing ${hasMigrations ? "committed migrations" : "an empty database"} with ${files.schema}…`,
  );
  const diff = await run(
    "prisma",
    [
      "migrate",
      "diff",
      ...from,
      "--to-schema-datamodel",
      files.schema,
      "--script",
      "--exit-code",
      "--output",
      out,
      "--config",
      files.config,
    ],
    { env: { DATABASE_URL: databaseUrl } },
  );
  if (diff.code === 0) {
    console.log(`[${provider}] the schema matches the migrations: nothing to create.`);
    return false;
  }
  if (diff.code !== 2) throw new Error(`[${provider}] prisma migrate diff failed (exit ${diff.code})`);
  const target = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(target);
  renameSync(out, path.join(target, "migration.sql"));
  console.log(`[${provider}] created ${files.migrations}/${stamp}_${name}/migration.sql:\n`);
  console.log(readFileSync(path.join(target, "migration.sql"), "utf8"));
  return true;
}

try {
  await createFor(
    "sqlite",
    `file:${path.join(mkdtempSync(path.join(tmpdir(), "lectern-diff-")), "diff.db")}`,
  );
  const server = postgresServerUrl();
  if (server) {
    const scratch = await createThrowawayDatabase(server, "lectern_migration_diff");
    try {
      await createFor("postgresql", scratch);
    } finally {
      await dropDatabase(server, scratch);
    }
  } else {
    console.warn(
      "\n! No PostgreSQL migration was created: set LECTERN_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres\n" +
        "  (a role that may create databases) and run this again; SQLite's migration is kept and skipped.",
    );
  }
  for (const provider of ["sqlite", "postgresql"] as const)
    await prisma(["generate"], { provider, quiet: true });
  console.log(`\n✔ Database ${await migrateDatabase()}; clients regenerated.`);
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
