import "server-only";
import { env } from "../env";
import { createClient, type DbClient } from "./client";
import type { Database } from "./sql";
import type { DatabaseProvider } from "./url";

const globalForDb = globalThis as unknown as { lecternDb?: ReturnType<typeof createClient> };
const created = globalForDb.lecternDb ?? createClient(env().DATABASE_URL);
if (process.env.NODE_ENV !== "production") globalForDb.lecternDb = created;

/** The one PrismaClient of this process (kept across hot reloads in dev). */
export const db: DbClient = created.client;

/** The database behind `db`, chosen by DATABASE_URL's scheme. */
export const dbProvider: DatabaseProvider = created.provider;

/**
 * Hot statements on `db`'s own driver adapter (its connection or pool), without Prisma's client
 * around each one (lib/db/sql.ts, decision 035). Everything else uses `db`.
 */
export const direct: Database = created.direct;
