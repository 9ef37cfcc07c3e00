import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseProvider, postgresConnectionFromUrl, sqliteFileFromUrl } from "../../lib/db/url";
import { prisma } from "./run";

/** Where DATABASE_URL points, for progress lines (never prints a password). */
export function describeDatabase(url: string | undefined): string {
  if (databaseProvider(url) === "sqlite") {
    const file = sqliteFileFromUrl(url);
    return path.relative(process.cwd(), file) || file;
  }
  const c = postgresConnectionFromUrl(url as string);
  return `PostgreSQL ${c.user}@${c.host}:${c.port}/${c.database}`;
}

/** Creates the SQLite file's folder if needed and applies every committed migration. */
export async function migrateDatabase(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (databaseProvider(env.DATABASE_URL) === "sqlite") {
    const file = sqliteFileFromUrl(env.DATABASE_URL);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  }
  const result = await prisma(["migrate", "deploy"], { env, capture: true });
  const applied = /(\d+) migrations? found/.exec(result.stdout)?.[1];
  const pending = result.stdout.includes("No pending migrations") ? "up to date" : "migrations applied";
  return `${describeDatabase(env.DATABASE_URL)} (${applied ?? "?"} migrations, ${pending})`;
}
