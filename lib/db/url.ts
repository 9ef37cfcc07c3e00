// Self-contained on purpose: the image's deps stage copies only this file and sqlite.ts for the
// Prisma configs that `npm ci`'s postinstall loads (see the Dockerfile).
import path from "node:path";

/** The default database: the embedded SQLite file beside the schema (lib/env.ts has the same). */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a DATABASE_URL names: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function databaseProvider(url: string | undefined = DEFAULT_DATABASE_URL): DatabaseProvider {
  const value = url || DEFAULT_DATABASE_URL;
  if (value.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(value)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL (PostgreSQL); got "${value.split(":")[0]}:"`,
  );
}

/**
 * Turns a `file:` DATABASE_URL into an absolute SQLite file path (relative paths are taken
 * from the project root, the working directory of every npm script). Throws on other schemes.
 */
export function sqliteFileFromUrl(url: string | undefined = DEFAULT_DATABASE_URL): string {
  const value = url || DEFAULT_DATABASE_URL;
  if (!value.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite (got "${value.split(":")[0]}:")`);
  }
  const file = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (file === ":memory:") return file;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** Connection settings of a postgres:// URL as separate fields (see lib/db/postgres.ts for why). */
export type PostgresConnection = {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: { rejectUnauthorized: boolean };
  /** Pool size, from `?connection_limit=` (Prisma's name for it); pg's default otherwise. */
  max?: number;
};

/** Parses a postgres:// URL; a missing database name or a bad port is a clear error. */
export function postgresConnectionFromUrl(url: string): PostgresConnection {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must start with postgres://");
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database (postgres://user:pass@host:5432/DATABASE)");
  const port = parsed.port ? Number(parsed.port) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error("DATABASE_URL has an invalid port");
  const sslmode = parsed.searchParams.get("sslmode");
  const limit = parsed.searchParams.get("connection_limit");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port,
    user: decodeURIComponent(parsed.username) || "postgres",
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    database,
    ...(sslmode && sslmode !== "disable" && sslmode !== "prefer" && sslmode !== "allow"
      ? { ssl: { rejectUnauthorized: sslmode === "verify-full" || sslmode === "verify-ca" } }
      : {}),
    ...(limit && Number(limit) > 0 ? { max: Number(limit) } : {}),
  };
}
