import { EnvError, parseEnv } from "../../lib/env";
import { seedCatalog } from "../../lib/seed/catalog";
import { migrateDatabase } from "./database";
import { scriptClient } from "./prisma-client";
import { since } from "./run";
import { withStartupLock } from "./startup-lock";

/** Validates the environment, applies migrations and seeds: what every server start needs. */
export async function prepareDatabase(): Promise<void> {
  try {
    parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  await withStartupLock(
    process.env.DATABASE_URL,
    async () => {
      let t0 = performance.now();
      const where = await migrateDatabase();
      console.log(`✔ Database ${where} — ${since(t0)}`);
      t0 = performance.now();
      const db = scriptClient();
      try {
        const report = await seedCatalog(db);
        console.log(`✔ Seeded ${report.courses} course(s), ${report.lessons} lesson(s) — ${since(t0)}`);
      } finally {
        await db.$disconnect();
      }
    },
    () => console.log("… another server is migrating this database; waiting for it"),
  );
}
