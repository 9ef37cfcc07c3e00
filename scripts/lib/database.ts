import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
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

/** Key of the session-level advisory lock that serialises `npm start`'s migrate + seed. */
const PREPARE_LOCK = 0x4c65_6374; // "Lect"

/**
 * Runs `work` while holding a database-wide lock, so app servers starting at the same time
 * against one PostgreSQL database migrate and seed one after the other (the second finds
 * nothing to do). SQLite needs none: one file, one machine, and its writes are serialised.
 */
export async function withStartupLock<T>(
  url: string | undefined,
  work: () => Promise<T>,
  onWait: () => void = () => {},
): Promise<T> {
  if (databaseProvider(url) === "sqlite") return work();
  const client = new pg.Client(postgresConnectionFromUrl(url as string));
  await client.connect();
  try {
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PREPARE_LOCK]);
    if (!got.rows[0]?.ok) {
      onWait();
      await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK]);
    }
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PREPARE_LOCK]).catch(() => {});
    await client.end();
  }
}
