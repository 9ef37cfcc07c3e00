import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { createSqliteAdapter } from "./sqlite-adapter";

const globalForDb = globalThis as unknown as { lecternDb?: PrismaClient };

/** The one PrismaClient of this process (kept across hot reloads in dev). */
export const db: PrismaClient =
  globalForDb.lecternDb ?? new PrismaClient({ adapter: createSqliteAdapter(env().DATABASE_URL) });
if (process.env.NODE_ENV !== "production") globalForDb.lecternDb = db;
