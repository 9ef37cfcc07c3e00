import pg from "pg";
import { databaseProvider, postgresConnectionFromUrl } from "../../lib/db/url";

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
