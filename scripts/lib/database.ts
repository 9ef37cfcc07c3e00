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
  const result = await migrateDeployRetryingBusy(env);
  const applied = /(\d+) migrations? found/.exec(result.stdout)?.[1];
  const pending = result.stdout.includes("No pending migrations") ? "up to date" : "migrations applied";
  return `${describeDatabase(env.DATABASE_URL)} (${applied ?? "?"} migrations, ${pending})`;
}

/** SQLite's "busy" as the Prisma CLI reports it (its adapter maps SQLITE_BUSY to SocketTimeout). */
const SQLITE_BUSY = /SocketTimeout|SQLITE_BUSY|database is locked/;
const BUSY_ATTEMPTS = 5;

/**
 * `prisma migrate deploy`, tried again when SQLite answers busy: another process on the same
 * file (a server already running while this one starts) can hold the write lock at the moment
 * the CLI upgrades its read to a write, which SQLite refuses at once rather than waiting. A
 * busy statement wrote nothing, and deploy skips what is applied, so a retry is safe.
 */
async function migrateDeployRetryingBusy(env: NodeJS.ProcessEnv) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma(["migrate", "deploy"], { env, capture: true });
    } catch (error) {
      const busy = databaseProvider(env.DATABASE_URL) === "sqlite" && SQLITE_BUSY.test(String(error));
      if (!busy || attempt === BUSY_ATTEMPTS) throw error;
      console.log(`… the database is busy; applying migrations again (${attempt + 1}/${BUSY_ATTEMPTS})`);
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}
