import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../generated/prisma-postgres/client";
import { createPostgresAdapter } from "./postgres";
import { createSqliteAdapter } from "./sqlite";
import { type DatabaseProvider, databaseProvider } from "./url";

/**
 * The client type every module uses. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is generated from prisma/schema.prisma and checked for drift),
 * so they have the same API; TypeScript sees two unrelated packages, so the PostgreSQL client
 * is typed as the SQLite one, the lowest common denominator (no provider-only query options).
 */
export type DbClient = PrismaClient;

/** A PrismaClient for DATABASE_URL: SQLite for a file: URL, PostgreSQL for postgres://. */
export function createClient(databaseUrl: string | undefined): {
  client: DbClient;
  provider: DatabaseProvider;
} {
  const provider = databaseProvider(databaseUrl);
  if (provider === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: createPostgresAdapter(databaseUrl as string) });
    return { client: client as unknown as DbClient, provider };
  }
  return { client: new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) }), provider };
}
