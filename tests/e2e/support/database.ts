// Which database the browser tests run on: SQLite by default; PostgreSQL when npm test's second
// pass sets LECTERN_E2E_DATABASE=postgresql (with LECTERN_POSTGRES_URL, a server whose role may
// create databases). Extra servers started by a spec get their own fresh database here.
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "../../../lib/db/url";
import { postgresServerUrl, recreateDatabase } from "../../../scripts/lib/postgres-admin";

export const E2E_PROVIDER: DatabaseProvider =
  process.env.LECTERN_E2E_DATABASE === "postgresql" ? "postgresql" : "sqlite";

const port = Number(process.env.LECTERN_E2E_PORT ?? 3100);

/** The URL of the suite server's database (wiped by scripts/e2e-server.ts before it starts). */
export function suiteDatabaseUrl(): string {
  if (E2E_PROVIDER === "postgresql") {
    const server = postgresServerUrl();
    if (!server) throw new Error("LECTERN_E2E_DATABASE=postgresql needs LECTERN_POSTGRES_URL");
    const url = new URL(server);
    url.pathname = `/lectern_e2e_${port}`;
    return url.toString();
  }
  return `file:${path.join(tmpdir(), "lectern-e2e", `e2e-${port}.db`)}`;
}

/** The suite server's test clock file (empty: real time), in the same folder as its SQLite file. */
export function suiteClockFile(): string {
  const dir = path.join(tmpdir(), "lectern-e2e");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `clock-${port}`);
}

/** An empty database for an extra server, named after the spec and the suite's port. */
export async function freshDatabase(name: string): Promise<{ url: string; sqliteFile?: string }> {
  if (E2E_PROVIDER === "postgresql") {
    return { url: await recreateDatabase(postgresServerUrl() as string, `lectern_e2e_${name}_${port}`) };
  }
  const dir = path.join(tmpdir(), "lectern-e2e");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${port}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  return { url: `file:${file}`, sqliteFile: file };
}
