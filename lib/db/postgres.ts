import { PrismaPg } from "@prisma/adapter-pg";
import { postgresConnectionFromUrl } from "./url";

/**
 * A pg adapter factory for a postgres:// DATABASE_URL. The URL is split into fields (with a
 * connection string, pg lets the string override `database`, which matters to the migration
 * tooling in prisma/postgres/prisma.config.ts). Connections are pooled per process; size it
 * with `?connection_limit=N` (default 10). Idle clients let the process exit.
 */
export function createPostgresAdapter(databaseUrl: string): PrismaPg {
  return new PrismaPg({ ...postgresConnectionFromUrl(databaseUrl), allowExitOnIdle: true });
}
