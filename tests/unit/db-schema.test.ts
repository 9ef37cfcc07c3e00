// One source of truth for the models: prisma/postgres/schema.prisma is derived from
// prisma/schema.prisma, and each provider's committed migrations must produce its schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSchemaFrom, postgresSchemaStatus } from "@/scripts/lib/postgres-schema";
import { PRISMA_FILES, run } from "@/scripts/lib/run";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with only the generator and datasource changed (run `npm run db:schema`)", () => {
    const status = postgresSchemaStatus();
    expect(status.current, "prisma/postgres/schema.prisma has drifted: run `npm run db:schema`").toBe(
      status.expected,
    );
  });

  it("keeps every model line of the SQLite schema and refuses provider-only native types", () => {
    const sqlite =
      'generator client {\n  provider = "prisma-client"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url = "file:x"\n}\n\nmodel A {\n  id String @id\n  n  Int\n}\n';
    const pg = postgresSchemaFrom(sqlite);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain("model A {\n  id String @id\n  n  Int\n}");
    expect(pg).not.toContain("sqlite");
    expect(() => postgresSchemaFrom(sqlite.replace("n  Int", "n  String @db.Text"))).toThrow(/native type/);
  });
});

describe(`${TEST_PROVIDER} migrations`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await migratedTestDatabase("schema");
  }, 60_000);
  afterAll(async () => database?.drop());

  it("produce exactly the schema (no model change without a migration)", async () => {
    const files = PRISMA_FILES[TEST_PROVIDER];
    const diff = await run(
      "prisma",
      [
        "migrate",
        "diff",
        "--from-migrations",
        files.migrations,
        "--to-schema-datamodel",
        files.schema,
        "--exit-code",
        "--config",
        files.config,
      ],
      { env: { DATABASE_URL: database.url }, capture: true },
    );
    expect(diff.code, `${diff.stdout}\n${diff.stderr}\nCreate one: npm run db:new-migration -- <name>`).toBe(
      0,
    );
  }, 60_000);
});
