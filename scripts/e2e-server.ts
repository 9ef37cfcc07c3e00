// The server the browser tests run against: the production build on a fresh throwaway
// database (emptied first), with rate limits scaled explicitly for many test learners.
// SQLite: the file is deleted. PostgreSQL (the suite's second pass): the database is recreated.
import { rmSync } from "node:fs";
import { databaseProvider, postgresConnectionFromUrl, sqliteFileFromUrl } from "../lib/db/url";
import { postgresServerUrl, recreateDatabase } from "./lib/postgres-admin";
import { run } from "./lib/run";

const url = process.env.DATABASE_URL;
if (databaseProvider(url) === "sqlite") {
  const file = sqliteFileFromUrl(url);
  if (!file.includes("lectern-e2e")) {
    console.error(`Refusing to wipe ${file}: the e2e database path must contain "lectern-e2e"`);
    process.exit(2);
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
} else {
  const { database } = postgresConnectionFromUrl(url as string);
  const server = postgresServerUrl();
  if (!database.startsWith("lectern_e2e") || !server) {
    console.error(
      `Refusing to recreate ${database}: it must start with "lectern_e2e" and LECTERN_POSTGRES_URL be set`,
    );
    process.exit(2);
  }
  try {
    await recreateDatabase(server, database);
  } catch (error) {
    console.error(`✖ Could not recreate PostgreSQL database ${database}: ${(error as Error).message}`);
    process.exit(1);
  }
}
// The test clock starts at real time (a run that stopped half-way may have left an offset).
if (process.env.LECTERN_TEST_CLOCK_FILE) rmSync(process.env.LECTERN_TEST_CLOCK_FILE, { force: true });
// tsx as a loader in the server's own process (not the tsx CLI, whose signal relay SIGKILLs a
// child that does not confirm a signal within 30 ms, as happens on a busy machine).
const result = await run("node", ["--import", "tsx", "scripts/start.ts", "--no-build"]);
process.exit(result.code);
