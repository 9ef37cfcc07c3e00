import { createClient, type DbClient } from "../../lib/db/client";

/** A PrismaClient for command-line scripts (the app has its own in lib/db/index.ts). */
export function scriptClient(databaseUrl = process.env.DATABASE_URL): DbClient {
  return createClient(databaseUrl).client;
}
