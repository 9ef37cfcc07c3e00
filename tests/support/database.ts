// A fresh, migrated database for unit tests that touch one. The provider is chosen by
// LECTERN_TEST_DATABASE ("sqlite", the default, or "postgresql", which needs LECTERN_POSTGRES_URL:
// a server whose role may create databases); `npm test` runs the db-*.test.ts files once per
// provider it can reach.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/db/url";
import { createThrowawayDatabase, dropDatabase, postgresServerUrl } from "@/scripts/lib/postgres-admin";
import { prisma } from "@/scripts/lib/run";

export const TEST_PROVIDER: DatabaseProvider =
  process.env.LECTERN_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

export type TestDatabase = { url: string; provider: DatabaseProvider; drop: () => Promise<void> };

/** Creates an empty database of TEST_PROVIDER and applies that provider's committed migrations. */
export async function migratedTestDatabase(name: string): Promise<TestDatabase> {
  let url: string;
  let drop = async () => {};
  if (TEST_PROVIDER === "postgresql") {
    const server = postgresServerUrl();
    if (!server) throw new Error("LECTERN_TEST_DATABASE=postgresql needs LECTERN_POSTGRES_URL");
    url = await createThrowawayDatabase(server, `lectern_unit_${name}`);
    drop = () => dropDatabase(server, url);
  } else {
    url = `file:${path.join(mkdtempSync(path.join(tmpdir(), `lectern-${name}-`)), "test.db")}`;
  }
  await prisma(["migrate", "deploy"], { env: { DATABASE_URL: url }, capture: true });
  return { url, provider: TEST_PROVIDER, drop };
}
