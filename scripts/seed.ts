// Seeds the database from content/ (courses, lessons) and creates the cookie secret.
import { seedCatalog } from "../lib/seed/catalog";
import { scriptClient } from "./lib/prisma-client";

const db = scriptClient();
try {
  const report = await seedCatalog(db);
  console.log(
    `Seeded ${report.courses} course(s), ${report.lessons} lesson(s)` +
      (report.removedLessons ? `, removed ${report.removedLessons} unpublished` : "") +
      (report.secretCreated ? "; created the cookie-signing secret" : ""),
  );
} finally {
  await db.$disconnect();
}
