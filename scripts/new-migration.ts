// Creates a migration from the difference between the committed migrations and the schema.
// (`prisma migrate dev` is broken in the binary-free setup; see README "Decisions".)
// Usage: npm run db:new-migration -- <name>
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
import { migrateDatabase } from "./lib/database";
import { prisma, ROOT, run } from "./lib/run";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9][a-z0-9_]*$/.test(name)) {
  console.error(
    "Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and _; e.g. add_comments)",
  );
  process.exit(2);
}

const migrationsDir = path.join(ROOT, "prisma", "migrations");
mkdirSync(migrationsDir, { recursive: true });
const lockFile = path.join(migrationsDir, "migration_lock.toml");
if (!existsSync(lockFile)) writeFileSync(lockFile, 'provider = "sqlite"\n');
const hasMigrations = readdirSync(migrationsDir).some((entry) => /^\d{14}_/.test(entry));
const out = path.join(mkdtempSync(path.join(tmpdir(), "lectern-migration-")), "migration.sql");

const from = hasMigrations ? ["--from-migrations", "prisma/migrations"] : ["--from-empty"];
console.log(
  `Comparing ${hasMigrations ? "committed migrations" : "an empty database"} with prisma/schema.prisma…`,
);
const diff = await run("prisma", [
  "migrate",
  "diff",
  ...from,
  "--to-schema-datamodel",
  "prisma/schema.prisma",
  "--script",
  "--exit-code",
  "--output",
  out,
  "--config",
  "prisma/prisma.config.ts",
]);
if (diff.code === 0) {
  console.log("The schema matches the migrations: nothing to create.");
  process.exit(0);
}
if (diff.code !== 2) process.exit(diff.code);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(target);
renameSync(out, path.join(target, "migration.sql"));
console.log(`Created prisma/migrations/${stamp}_${name}/migration.sql:\n`);
console.log(readFileSync(path.join(target, "migration.sql"), "utf8"));
await migrateDatabase();
await prisma(["generate"], { quiet: true });
console.log("Applied to the local database and regenerated the client.");
