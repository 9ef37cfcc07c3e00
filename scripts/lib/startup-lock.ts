import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { databaseProvider, postgresConnectionFromUrl, sqliteFileFromUrl } from "../../lib/db/url";

/** Key of the session-level advisory lock that serialises `npm start`'s migrate + seed. */
const PREPARE_LOCK = 0x4c65_6374; // "Lect"

/**
 * Runs `work` while holding a database-wide lock, so app servers starting at the same time
 * against one PostgreSQL database migrate and seed one after the other (the second finds
 * nothing to do). On SQLite the lock is a directory beside the database file: Prisma's
 * `migrate deploy` from two processes at once can fail on a busy database (seen in CI as a
 * connector error while creating `_prisma_migrations`).
 */
export async function withStartupLock<T>(
  url: string | undefined,
  work: () => Promise<T>,
  onWait: () => void = () => {},
): Promise<T> {
  if (databaseProvider(url) === "sqlite") return withSqliteStartupLock(url, work, onWait);
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

/** How long a server waits for another one's migrate + seed before giving up. */
const SQLITE_LOCK_WAIT_MS = 10 * 60_000;

async function withSqliteStartupLock<T>(
  url: string | undefined,
  work: () => Promise<T>,
  onWait: () => void,
): Promise<T> {
  const file = sqliteFileFromUrl(url);
  if (file === ":memory:") return work();
  const lock = `${file}.startup-lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  let waiting = false;
  for (;;) {
    try {
      mkdirSync(lock); // atomic: exactly one process creates it
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (holderIsGone(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!waiting) onWait();
    waiting = true;
    if (Date.now() > deadline) {
      throw new Error(
        `waited ${SQLITE_LOCK_WAIT_MS / 60_000} minutes for ${lock}; if no other server is starting, remove it`,
      );
    }
    await sleep(200);
  }
  try {
    writeFileSync(path.join(lock, "pid"), String(process.pid));
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** True when the process that took the lock has died (killed mid-start) and left it behind. */
function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    // Just created, pid not written yet — unless that was long ago.
    try {
      return Date.now() - statSync(lock).mtimeMs > 30_000;
    } catch {
      return false; // removed meanwhile: try again
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
