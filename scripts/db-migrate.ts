// Applies committed migrations to DATABASE_URL (default prisma/dev.db).
import { migrateDatabase } from "./lib/database";

console.log(`✔ Database ${await migrateDatabase()}`);
