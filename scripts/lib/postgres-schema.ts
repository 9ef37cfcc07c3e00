// prisma/schema.prisma (SQLite) is the one source of truth for Lectern's models.
// prisma/postgres/schema.prisma is derived from it: same models, PostgreSQL datasource, its own
// generated client. `npm run db:schema` writes it; the unit suite fails when the committed copy
// has drifted (tests/unit/db-schema.test.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./run";

export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma", "postgres", "schema.prisma");

const HEADER = `// GENERATED from ../schema.prisma by \`npm run db:schema\`: do not edit. Change the models
// there, run \`npm run db:schema\`, then \`npm run db:new-migration -- <name>\` (both providers).
`;

const GENERATOR = `generator client {
  provider   = "prisma-client"
  output     = "../../generated/prisma-postgres"
  engineType = "client"
}`;

const DATASOURCE = `datasource db {
  provider = "postgresql"
  // Ignored (the pg adapter in prisma.config.ts and lib/db open DATABASE_URL), but the CLI
  // needs the line.
  url      = "postgresql://localhost:5432/lectern"
}`;

function replaceBlock(schema: string, keyword: "generator" | "datasource", block: string): string {
  const pattern = new RegExp(`^${keyword}\\s+\\w+\\s*\\{[\\s\\S]*?^\\}`, "m");
  if (!pattern.test(schema)) throw new Error(`prisma/schema.prisma has no ${keyword} block`);
  return schema.replace(pattern, block);
}

/** The PostgreSQL schema for a SQLite schema: only the generator and datasource differ. */
export function postgresSchemaFrom(sqlite: string): string {
  if (/@db\./.test(sqlite)) {
    throw new Error("prisma/schema.prisma uses a native type (@db.…): models must stay provider-neutral");
  }
  const body = sqlite.replace(/^(\/\/.*\n)+\n?/, ""); // the SQLite file's own header comment
  return HEADER + replaceBlock(replaceBlock(body, "generator", GENERATOR), "datasource", DATASOURCE);
}

/** The PostgreSQL schema as it should be now, and whether the committed file matches it. */
export function postgresSchemaStatus(): { expected: string; current: string | null; upToDate: boolean } {
  const expected = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
  let current: string | null = null;
  try {
    current = readFileSync(POSTGRES_SCHEMA, "utf8");
  } catch {}
  return { expected, current, upToDate: current === expected };
}
