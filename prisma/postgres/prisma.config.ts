// Prisma CLI configuration for PostgreSQL: binary-free like the SQLite one (engine "js" + the pg
// driver adapter). Used with `--config prisma/postgres/prisma.config.ts` and a postgres://
// DATABASE_URL (scripts/lib/run.ts picks the config from the URL). The runtime client needs none
// of the workarounds below; Prisma 6.19's JS schema engine does (see ../../../shared/STACK.md).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaConfig } from "prisma";
import { type PostgresConnection, postgresConnectionFromUrl } from "../../lib/db/url";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * 5. The schema engine arms a 10 s timer around PostgreSQL's advisory lock and never clears
 * it, so every command idled 10 s after finishing. Long timers are timeouts, not work: they
 * must not keep the CLI alive (its sockets do while it waits on the database).
 */
const setTimer = globalThis.setTimeout;
globalThis.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
  const timer = setTimer(handler, ms, ...args);
  if ((ms ?? 0) >= 5000) (timer as { unref?: () => void }).unref?.();
  return timer;
}) as typeof setTimeout;

/** 1. Columns of type `name` (OID 19) and `"char"` (OID 18) cannot be deserialized: call them text. */
function relabelSystemTypes(client: pg.PoolClient | pg.Client): void {
  const relabel = (result: unknown) => {
    for (const r of Array.isArray(result) ? result : [result]) {
      for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
        if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
      }
    }
    return result;
  };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      // pg-pool calls client.query(text, values, callback)
      args[args.length - 1] = (error: unknown, result: unknown) =>
        last(error, error ? result : relabel(result));
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(relabel) : result;
  };
}

/** A pool that lets the CLI exit as soon as it is idle, with every client relabelled. */
function pool(connection: PostgresConnection): pg.Pool {
  const p = new pg.Pool({ ...connection, allowExitOnIdle: true, idleTimeoutMillis: 100 });
  p.on("connect", relabelSystemTypes);
  return p;
}

/** 2. The engine splits a migration on every `;` (breaking $$ bodies, comments): send it whole. */
function wholeScripts(adapter: Adapter, p: pg.Pool): Adapter {
  adapter.executeScript = async (script: string) => {
    await p.query(script);
  };
  return adapter;
}

function connection(): PostgresConnection {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // `prisma generate` (postinstall) reads no database; everything else needs the real URL.
    if (process.argv.includes("generate")) return postgresConnectionFromUrl("postgres://localhost/lectern");
    throw new Error("Set DATABASE_URL to a postgres:// URL to use prisma/postgres/prisma.config.ts");
  }
  // 3. Separate fields, never a connection string (it would override the shadow `database`).
  return postgresConnectionFromUrl(url);
}

const adapterFactory = {
  provider: "postgres" as const,
  adapterName: "@prisma/adapter-pg",
  async connect(): Promise<Adapter> {
    const p = pool(connection());
    return wholeScripts(await new PrismaPg(p, { disposeExternalPool: true }).connect(), p);
  },
  async connectToShadowDb(): Promise<Adapter> {
    const main = connection();
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ ...main });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const p = pool({ ...main, database });
    const adapter = wholeScripts(await new PrismaPg(p, { disposeExternalPool: true }).connect(), p);
    const dispose = adapter.dispose.bind(adapter);
    // 4. Close the shadow database's connections first, then drop it.
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ ...main });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  },
};

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma", // paths are relative to this file
  migrations: { path: "migrations" },
  adapter: async () => adapterFactory,
} satisfies PrismaConfig;
