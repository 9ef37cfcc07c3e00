import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma } from "../../generated/prisma/client";
import { rawBool, rawDate, rawInt } from "./raw";
import type { DatabaseProvider } from "./url";

// Hot statements run through the driver adapter the one PrismaClient was built with (same
// connection on SQLite, same pool on PostgreSQL), skipping Prisma's client around each query:
// measured at 0.3–0.8 ms of CPU per statement there against ~0.03 ms for the adapter itself
// (decisions 033 and 035). What Prisma would do around the adapter, and only that, is done here
// once for both providers: placeholders, argument types, and the decoding of each column.

/** The driver adapter the PrismaClient connected (both adapters implement the same interface). */
export type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Queryable = Pick<DriverAdapter, "queryRaw" | "executeRaw">;
type ArgType = Parameters<DriverAdapter["queryRaw"]>[0]["argTypes"][number];

/** A statement built with the `sql` tag (Prisma's own sql-template-tag: values never spliced in). */
export type Statement = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;

/** How one result column is decoded: the drivers hand back text for dates (and, on SQLite, integers). */
export type Column<T> = (value: unknown) => T;
export type Columns = Record<string, Column<unknown>>;
export type RowOf<C extends Columns> = { [K in keyof C]: ReturnType<C[K]> };

const required =
  <T>(decode: (v: unknown) => T | null, what: string): Column<T> =>
  (value) => {
    const decoded = decode(value);
    if (decoded === null) throw new Error(`expected ${what}, the database answered ${String(value)}`);
    return decoded;
  };

/** Column decoders, the same on SQLite and PostgreSQL. */
export const col = {
  text: required((v) => (v === null || v === undefined ? null : String(v)), "text"),
  textOrNull: (v: unknown): string | null => (v === null || v === undefined ? null : String(v)),
  int: required(rawInt, "a number"),
  intOrNull: rawInt,
  bool: rawBool,
  date: required(rawDate, "a date"),
  dateOrNull: rawDate,
};

function argType(value: unknown): ArgType {
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  if (typeof value === "boolean") return { scalarType: "boolean", arity: "scalar" };
  if (typeof value === "bigint") return { scalarType: "bigint", arity: "scalar" };
  if (typeof value === "number")
    return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
  return { scalarType: "string", arity: "scalar" };
}

/**
 * The query as the adapter takes it: `?` placeholders for SQLite, `$n` for PostgreSQL; each
 * argument typed so the adapter writes it as Prisma does (a Date as the ISO text Prisma stores
 * on SQLite or a timestamp on PostgreSQL, a boolean as 1/0 on SQLite); undefined is NULL.
 */
function toQuery(provider: DatabaseProvider, statement: Statement) {
  const args = statement.values.map((v) => (v === undefined ? null : v));
  return {
    sql: provider === "postgresql" ? statement.text : statement.sql,
    args,
    argTypes: args.map(argType),
  };
}

/** Runs statements on one queryable (the adapter, or a transaction of it). */
export type SqlRunner = {
  /** The rows, each column decoded by `columns` (columns not named are left out). */
  query<C extends Columns>(statement: Statement, columns: C): Promise<RowOf<C>[]>;
  /** The number of rows the statement changed. */
  execute(statement: Statement): Promise<number>;
};

function runner(provider: DatabaseProvider, on: () => Promise<Queryable>): SqlRunner {
  return {
    async query(statement, columns) {
      const result = await (await on()).queryRaw(toQuery(provider, statement));
      const decoders = Object.entries(columns).map(
        ([name, decode]) => [name, decode, result.columnNames.indexOf(name)] as const,
      );
      for (const [name, , index] of decoders)
        if (index === -1) throw new Error(`the statement returns no column "${name}"`);
      return result.rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [name, decode, index] of decoders) out[name] = decode(row[index]);
        return out as RowOf<typeof columns>;
      });
    },
    async execute(statement) {
      return (await on()).executeRaw(toQuery(provider, statement));
    },
  };
}

const END = (statement: "COMMIT" | "ROLLBACK") => ({ sql: statement, args: [], argTypes: [] });

/** The runner of the PrismaClient's adapter, and transactions on it. */
export type Database = SqlRunner & {
  /**
   * `work` in one transaction (the database's default isolation, as Prisma's batch transactions):
   * committed when it returns, rolled back when it throws. On SQLite it takes the adapter's
   * transaction lock, which Prisma's own transactions take too.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
};

/** A Database on the adapter `adapter()` answers with (the one the PrismaClient connected). */
export function createDatabase(provider: DatabaseProvider, adapter: () => Promise<DriverAdapter>): Database {
  return {
    ...runner(provider, adapter),
    async transaction(work) {
      const tx = await (await adapter()).startTransaction();
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await work(runner(provider, async () => tx));
      } catch (error) {
        try {
          await tx.executeRaw(END("ROLLBACK"));
        } finally {
          await tx.rollback();
        }
        throw error;
      }
      try {
        await tx.executeRaw(END("COMMIT"));
      } catch (error) {
        // PostgreSQL has ended the transaction (lib/db/postgres.ts released its connection);
        // SQLite keeps it open on the shared connection until it is rolled back.
        if (provider === "sqlite") await tx.executeRaw(END("ROLLBACK")).catch(() => undefined);
        await tx.rollback();
        throw error;
      }
      await tx.commit();
      return result;
    },
  };
}
