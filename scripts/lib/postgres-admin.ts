import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresConnectionFromUrl } from "../../lib/db/url";

/**
 * LECTERN_POSTGRES_URL: a PostgreSQL server (URL of any database on it) whose role may create
 * databases. The test suite, the benchmark and db:new-migration make throwaway databases there.
 */
export const POSTGRES_SERVER_ENV = "LECTERN_POSTGRES_URL";

export function postgresServerUrl(): string | undefined {
  const url = process.env[POSTGRES_SERVER_ENV];
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** Runs `work` on one connection to the database a postgres:// URL names, then closes it. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(postgresConnectionFromUrl(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `<prefix>_<random>` on the server and returns its URL. */
export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_")}_${randomBytes(5).toString("hex")}`;
  await withPgClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * DROP DATABASE … WITH (FORCE), retried for a few seconds: FORCE ends the database's sessions,
 * but PostgreSQL 15 refuses (42501) when one of them is an autovacuum worker, which a
 * non-superuser role may not signal; the worker is gone a moment later.
 */
async function dropForce(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Drops a database made by createThrowawayDatabase, closing its connections first. */
export async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const { database } = postgresConnectionFromUrl(databaseUrl);
  await withPgClient(serverUrl, (c) => dropForce(c, database));
}

/** Drops (closing its connections) and creates a database of a known name; returns its URL. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await withPgClient(serverUrl, async (c) => {
    await dropForce(c, name);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
