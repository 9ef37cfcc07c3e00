import { PrismaPg } from "@prisma/adapter-pg";
import { postgresConnectionFromUrl } from "./url";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Prisma 6.19 ends a transaction by sending COMMIT (or ROLLBACK) and only then asking the adapter
 * to release its connection; when PostgreSQL refuses the COMMIT (a serialization failure found at
 * commit time, routine under SERIALIZABLE) the release is skipped and the pooled connection is
 * lost for good. After `connection_limit` such losses every query of the process waits forever.
 * Here a failed COMMIT/ROLLBACK releases the connection (the server has already ended the
 * transaction) before the error goes on to the caller, which retries.
 */
function releaseOnFailedEnd(tx: Transaction): Transaction {
  let released = false;
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  // Ending twice releases once (lib/db/sql.ts's transaction ends what failed here again).
  tx.commit = async () => {
    if (released) return;
    released = true;
    return commit();
  };
  tx.rollback = async () => {
    if (released) return;
    released = true;
    return rollback();
  };
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!released && (query.sql === "COMMIT" || query.sql === "ROLLBACK")) await tx.rollback();
      throw error;
    }
  };
  return tx;
}

/**
 * A pg adapter factory for a postgres:// DATABASE_URL. The URL is split into fields (with a
 * connection string, pg lets the string override `database`, which matters to the migration
 * tooling in prisma/postgres/prisma.config.ts). Connections are pooled per process; size it
 * with `?connection_limit=N` (default 10). A request waits at most 10 s for a free connection
 * and then fails with an error instead of hanging. Idle clients let the process exit.
 */
export function createPostgresAdapter(databaseUrl: string): PrismaPg {
  const factory = new PrismaPg({
    ...postgresConnectionFromUrl(databaseUrl),
    allowExitOnIdle: true,
    connectionTimeoutMillis: 10_000,
  });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releaseOnFailedEnd(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}
