import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteFileFromUrl } from "./url";

/**
 * SQLite tuned for a web server: WAL so readers never wait for the writer, a busy timeout
 * so concurrent writers queue instead of failing, foreign keys enforced, and NORMAL sync
 * (durable across a process crash in WAL mode).
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL;",
  "PRAGMA busy_timeout = 5000;",
  "PRAGMA foreign_keys = ON;",
  "PRAGMA synchronous = NORMAL;",
];

/** A better-sqlite3 adapter factory for DATABASE_URL whose every connection gets the pragmas. */
export function createSqliteAdapter(databaseUrl: string | undefined): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url: sqliteFileFromUrl(databaseUrl), timeout: 5000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(SQLITE_PRAGMAS.join("\n"));
    return adapter;
  };
  return factory;
}
