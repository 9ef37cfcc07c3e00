// `npm run db:schema`: derive prisma/postgres/schema.prisma from prisma/schema.prisma.
// `npm run db:schema -- --check`: exit 1 when the committed PostgreSQL schema has drifted.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, postgresSchemaStatus } from "./lib/postgres-schema";
import { ROOT } from "./lib/run";

const status = postgresSchemaStatus();
const where = path.relative(ROOT, POSTGRES_SCHEMA);
if (process.argv.includes("--check")) {
  if (status.upToDate) {
    console.log(`✔ ${where} matches prisma/schema.prisma`);
  } else {
    console.error(`✖ ${where} has drifted from prisma/schema.prisma: run \`npm run db:schema\``);
    process.exit(1);
  }
} else if (status.upToDate) {
  console.log(`✔ ${where} is already up to date`);
} else {
  writeFileSync(POSTGRES_SCHEMA, status.expected);
  console.log(
    `✔ wrote ${where}; now create migrations for both providers: npm run db:new-migration -- <name>`,
  );
}
