import { PrismaClient } from "../../generated/prisma/client";
import { createSqliteAdapter } from "../../lib/sqlite-adapter";

/** A PrismaClient for command-line scripts (the app has its own in lib/db.ts). */
export function scriptClient(databaseUrl = process.env.DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
}
