// Prisma CLI configuration: the binary-free setup (engine "js" + better-sqlite3 adapter).
// Every CLI call passes `--config prisma/prisma.config.ts` (the npm scripts do).
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";
import { createSqliteAdapter } from "../lib/db/sqlite";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

/**
 * Prisma 6.19's JS schema engine sends a whole migration.sql as one parameterless
 * executeRaw, but better-sqlite3's prepare() takes one statement. Fall back to
 * executeScript when that happens (see ../shared/STACK.md).
 */
function multiStatement(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const text = String((error as { cause?: unknown })?.cause ?? "") + String(error);
      if (query.args.length === 0 && /more than one statement/i.test(text)) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

function adapterFactory(): Factory {
  const factory = createSqliteAdapter(process.env.DATABASE_URL);
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => multiStatement(await connect());
  factory.connectToShadowDb = async () => multiStatement(await connectToShadowDb());
  return factory;
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma", // paths are relative to this file
  migrations: { path: "migrations" },
  adapter: async () => adapterFactory(),
} satisfies PrismaConfig;
