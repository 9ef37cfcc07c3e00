import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../generated/prisma-postgres/client";
import { createPostgresAdapter } from "./postgres";
import { createDatabase, type Database, type DriverAdapter } from "./sql";
import { createSqliteAdapter } from "./sqlite";
import { type DatabaseProvider, databaseProvider } from "./url";

/**
 * The client type every module uses. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is generated from prisma/schema.prisma and checked for drift),
 * so they have the same API; TypeScript sees two unrelated packages, so the PostgreSQL client
 * is typed as the SQLite one, the lowest common denominator (no provider-only query options).
 */
export type DbClient = PrismaClient;

type Factory = { connect: () => Promise<DriverAdapter> };

/**
 * Remembers the adapter the client connects (Prisma connects on its first query or $connect,
 * and again after $disconnect, which disposes the old one): the hot statements run on it, on
 * the client's own connection or pool, never a second one.
 */
function tracked<F extends Factory>(factory: F): { factory: F; connected: () => DriverAdapter | null } {
  let current: DriverAdapter | null = null;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (current === adapter) current = null;
      return dispose();
    };
    current = adapter;
    return adapter;
  };
  return { factory, connected: () => current };
}

/** A PrismaClient for DATABASE_URL: SQLite for a file: URL, PostgreSQL for postgres://. */
export function createClient(databaseUrl: string | undefined): {
  client: DbClient;
  provider: DatabaseProvider;
  /** Statements on the client's own driver adapter (lib/db/sql.ts). */
  direct: Database;
} {
  const provider = databaseProvider(databaseUrl);
  const { factory, connected } =
    provider === "postgresql"
      ? tracked(createPostgresAdapter(databaseUrl as string))
      : tracked(createSqliteAdapter(databaseUrl));
  const client =
    provider === "postgresql"
      ? (new PostgresPrismaClient({
          adapter: factory as ReturnType<typeof createPostgresAdapter>,
        }) as unknown as DbClient)
      : new PrismaClient({ adapter: factory as ReturnType<typeof createSqliteAdapter> });
  const adapter = async () => {
    const now = connected();
    if (now) return now;
    await client.$connect();
    const after = connected();
    if (!after) throw new Error("the PrismaClient connected no driver adapter");
    return after;
  };
  return { client, provider, direct: createDatabase(provider, adapter) };
}
