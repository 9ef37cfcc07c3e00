import { z } from "zod";

/** Every environment variable Lectern reads, with its default and rule. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    // DEFAULT_DATABASE_URL of lib/db/url.ts, which cannot import this module (the image's deps
    // stage copies that file alone) and which this module may not import (lib/db reads env()).
    .default("file:./prisma/dev.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(url), {
      message:
        'must be a file: URL for the embedded SQLite database (e.g. "file:./prisma/dev.db") or a ' +
        'PostgreSQL URL with a database name (e.g. "postgres://lectern:secret@127.0.0.1:5432/lectern")',
    }),
  PORT: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  SITE_URL: z.url({ message: 'must be an absolute URL such as "https://lectern.example"' }).optional(),
  LECTERN_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (try: openssl rand -base64 48)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LECTERN_RATE_LIMIT_SCALE: z
    .literal("")
    .transform(() => 1)
    .or(z.coerce.number({ message: "must be a number" }).min(1, "must be 1 or more (it only loosens limits)"))
    .default(1),
  LECTERN_CONTENT_DIR: z.string().optional(),
  LECTERN_DIST_DIR: z.string().optional(),
  /** Set by npm when a script runs; the health check reports it. */
  npm_package_version: z.string().optional(),
  /** Tests only: a file of milliseconds the server's clock runs ahead (lib/clock.ts; see testClockIssue). */
  LECTERN_TEST_CLOCK_FILE: z.string().optional(),
  LECTERN_TEST_SERVER: z
    .literal("yes", { message: 'must be "yes" (set by a test launcher) or unset' })
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Thrown when the environment is invalid; the message names every bad variable. */
export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}\n` +
        "See .env.example for every variable and its default.",
    );
    this.name = "EnvError";
  }
}

/**
 * A test clock moves "now" for scheduling (lib/clock.ts), so a production server refuses one
 * unless its test launcher says, with LECTERN_TEST_SERVER=yes, that it is a test server.
 */
function testClockIssue(e: Env): { variable: string; message: string } | null {
  if (e.NODE_ENV !== "production" || !e.LECTERN_TEST_CLOCK_FILE || e.LECTERN_TEST_SERVER === "yes")
    return null;
  return {
    variable: "LECTERN_TEST_CLOCK_FILE",
    message:
      "moves the server's clock for tests and is refused in production; only a test launcher sets it, " +
      "together with LECTERN_TEST_SERVER=yes",
  };
}

/** Validates an environment (process.env by default) and returns typed settings. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  const clock = testClockIssue(result.data);
  if (clock) throw new EnvError([clock]);
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The public origin of the site, for canonical URLs, the sitemap and Open Graph. */
export function siteUrl(): string {
  const e = env();
  return (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
