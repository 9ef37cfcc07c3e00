import "server-only";
import { db, dbProvider } from "@/lib/db";
import type { DatabaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";

export type Health = {
  status: "ok" | "error";
  version: string;
  uptimeSeconds: number;
  database: {
    status: "ok" | "error";
    provider: DatabaseProvider;
    latencyMs: number;
    migrations?: number;
    error?: string;
  };
};

const startedAt = Date.now();

/** Checks that the database answers and has its migrations applied; never throws. */
export async function checkHealth(): Promise<Health> {
  const version = env().npm_package_version ?? "0.1.0";
  const uptimeSeconds = Math.round((Date.now() - startedAt) / 1000);
  const t0 = performance.now();
  try {
    const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      "SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    return {
      status: "ok",
      version,
      uptimeSeconds,
      database: { status: "ok", provider: dbProvider, latencyMs, migrations: Number(rows[0]?.n ?? 0) },
    };
  } catch {
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    return {
      status: "error",
      version,
      uptimeSeconds,
      database: {
        status: "error",
        provider: dbProvider,
        latencyMs,
        error: "database unreachable or not migrated",
      },
    };
  }
}
