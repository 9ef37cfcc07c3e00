import { mkdirSync } from "node:fs";
import path from "node:path";
import { sqliteFileFromUrl } from "../../lib/db-url";
import { prisma } from "./run";

/** Creates the SQLite file's folder if needed and applies every committed migration. */
export async function migrateDatabase(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = sqliteFileFromUrl(env.DATABASE_URL);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const result = await prisma(["migrate", "deploy"], { env, capture: true });
  const applied = /(\d+) migrations? found/.exec(result.stdout)?.[1];
  const pending = result.stdout.includes("No pending migrations") ? "up to date" : "migrations applied";
  return `${path.relative(process.cwd(), file) || file} (${applied ?? "?"} migrations, ${pending})`;
}
