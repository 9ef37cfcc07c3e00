import { databaseProvider } from "../../lib/db/url";

/** Stops a SQLite-only command with a clear message when DATABASE_URL names PostgreSQL. */
export function requireSqlite(command: string, postgresAdvice: string): void {
  let provider: string;
  try {
    provider = databaseProvider(process.env.DATABASE_URL);
  } catch (error) {
    console.error(`✖ ${(error as Error).message}`);
    process.exit(2);
  }
  if (provider !== "sqlite") {
    console.error(
      `✖ ${command} works on the embedded SQLite database only. On PostgreSQL: ${postgresAdvice}`,
    );
    process.exit(2);
  }
}
