import { spawn } from "node:child_process";
import path from "node:path";
import { type DatabaseProvider, databaseProvider } from "../../lib/db/url";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");

export type RunOptions = { env?: Record<string, string | undefined>; quiet?: boolean; capture?: boolean };
export type RunResult = { code: number; stdout: string; stderr: string };

/** Runs a project binary (node_modules/.bin) or command, streaming or capturing its output. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const file = command.includes("/") ? command : path.join(BIN, command);
  const resolved = command === "node" ? process.execPath : file;
  return new Promise((resolve, reject) => {
    const child = spawn(resolved, args, {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
      stdio: options.capture || options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

/** Like run(), but throws with the command's output when it fails. */
export async function runOrThrow(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim();
    throw new Error(
      `${command} ${args.join(" ")} failed (exit ${result.code})${output ? `:\n${output}` : ""}`,
    );
  }
  return result;
}

/** Each provider's Prisma files: schema, migrations and the binary-free CLI configuration. */
export const PRISMA_FILES = {
  sqlite: {
    config: "prisma/prisma.config.ts",
    schema: "prisma/schema.prisma",
    migrations: "prisma/migrations",
  },
  postgresql: {
    config: "prisma/postgres/prisma.config.ts",
    schema: "prisma/postgres/schema.prisma",
    migrations: "prisma/postgres/migrations",
  },
} as const satisfies Record<DatabaseProvider, { config: string; schema: string; migrations: string }>;

/**
 * Runs the Prisma CLI with the binary-free configuration of the database DATABASE_URL names
 * (options.env's, else this process's), or of `provider` when given.
 */
export function prisma(
  args: string[],
  options: RunOptions & { provider?: DatabaseProvider } = {},
): Promise<RunResult> {
  const provider =
    options.provider ?? databaseProvider(options.env?.DATABASE_URL ?? process.env.DATABASE_URL);
  return runOrThrow("prisma", [...args, "--config", PRISMA_FILES[provider].config], options);
}

/** Milliseconds since `start`, formatted for progress lines. */
export function since(start: number): string {
  const ms = performance.now() - start;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
