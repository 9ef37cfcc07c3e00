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
    return outsideTransactions(adapter);
  };
  return factory;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * How long a statement waits for the transaction open on the connection before it fails. A
 * transaction's work that runs a statement on `db` instead of its own `tx` would otherwise wait
 * for itself forever; Prisma's own transactions end after 10 s (lib/db/transaction.ts) anyway.
 */
export const OUTSIDE_WAIT_MS = 15_000;

/**
 * One connection serves every request, and a transaction on it stays open across awaits (Prisma's
 * interactive transactions, lib/db/sql.ts's). The adapter queues transactions behind each other,
 * but runs any other statement at once on that connection: inside whichever transaction is open,
 * where it reads rows not yet committed and is rolled back with them. Here a statement outside a
 * transaction waits for the open one to end; with none open it runs at once, as before (each
 * better-sqlite3 statement runs to its end before anything else can). Decision 040.
 */
function outsideTransactions(adapter: Adapter): Adapter {
  const turns = new Turns();
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const release = await turns.take(Number.POSITIVE_INFINITY);
    try {
      const tx = await startTransaction(isolationLevel);
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = () => commit().finally(release);
      tx.rollback = () => rollback().finally(release);
      return tx;
    } catch (error) {
      release();
      throw error;
    }
  };
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = adapter[method].bind(adapter) as (query: never) => Promise<unknown>;
    (adapter as Record<typeof method, unknown>)[method] = async (query: never) => {
      if (!turns.busy) return run(query);
      const release = await turns.take(OUTSIDE_WAIT_MS);
      try {
        return await run(query);
      } finally {
        release();
      }
    };
  }
  return adapter;
}

/** First come, first served: one holder at a time. */
class Turns {
  #last: Promise<void> = Promise.resolve();
  /** Holders and waiters. */
  #count = 0;

  get busy(): boolean {
    return this.#count > 0;
  }

  /** Resolves with the function that ends this turn, once every earlier turn has ended. */
  take(waitMs: number): Promise<() => void> {
    this.#count++;
    let end!: () => void;
    const mine = new Promise<void>((resolve) => {
      end = resolve;
    });
    let ended = false;
    const release = () => {
      if (ended) return;
      ended = true;
      this.#count--;
      end();
    };
    const before = this.#last;
    this.#last = mine;
    if (!Number.isFinite(waitMs)) return before.then(() => release);
    return new Promise((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(
          new Error(
            `a statement waited ${waitMs / 1000} s for the transaction open on the SQLite connection; ` +
              "does that transaction's work run a statement on `db` instead of its own `tx`?",
          ),
        );
      }, waitMs);
      timer.unref();
      void before.then(() => {
        clearTimeout(timer);
        // The turn came after its statement had given up: pass it straight on.
        if (gaveUp) release();
        else resolve(release);
      });
    });
  }
}
