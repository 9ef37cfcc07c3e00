import { z } from "zod";
import { MAIL_FROM_RULE, SMTP_URL_RULE } from "./mail-address";
import { parseTrustedProxies } from "./security/client-address.mjs";

/** The variables one by one; EnvSchema adds the rules that tie two together. */
const EnvFields = z.object({
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
  LECTERN_TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((value) => parseTrustedProxies(value).ok, {
      message:
        'must list the reverse proxies in front of Lectern: IP addresses, CIDR ranges or the words "loopback" and "private", separated by commas (e.g. "loopback" or "10.0.0.0/8")',
    }),
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
  /** Where mail goes: smtp:// or smtps:// (user and password in the URL). Unset: the database outbox. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || SMTP_URL_RULE.test(v), { message: SMTP_URL_RULE.message }),
  /** The From of every mail, e.g. "Lectern <no-reply@lectern.example>"; required with SMTP_URL. */
  MAIL_FROM: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || MAIL_FROM_RULE.test(v), { message: MAIL_FROM_RULE.message }),
  /** Discussion notifications go out as one digest per person at most this often. */
  MAIL_DIGEST_MINUTES: z.coerce
    .number({ message: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(1, "must be between 1 and 1440 (a day)")
    .max(1440, "must be between 1 and 1440 (a day)")
    .default(60),
  /** Tests only: a file of milliseconds the server's clock runs ahead (lib/clock.ts; refused in production without LECTERN_TEST_SERVER=yes). */
  LECTERN_TEST_CLOCK_FILE: z.string().optional(),
  LECTERN_TEST_SERVER: z
    .literal("yes", { message: 'must be "yes" (set by a test launcher) or unset' })
    .optional(),
});

/** Every environment variable Lectern reads, with its default and rule. */
export const EnvSchema = EnvFields.superRefine((value, ctx) => {
  if (value.SMTP_URL && !value.MAIL_FROM)
    ctx.addIssue({
      code: "custom",
      path: ["MAIL_FROM"],
      message: 'is required when SMTP_URL is set (e.g. "Lectern <no-reply@lectern.example>")',
    });
  // A test clock moves "now" for scheduling (lib/clock.ts), so a production server refuses one
  // unless its test launcher says, with LECTERN_TEST_SERVER=yes, that it is a test server.
  if (value.NODE_ENV === "production" && value.LECTERN_TEST_CLOCK_FILE && value.LECTERN_TEST_SERVER !== "yes")
    ctx.addIssue({
      code: "custom",
      path: ["LECTERN_TEST_CLOCK_FILE"],
      message:
        "moves the server's clock for tests and is refused in production; only a test launcher sets it, " +
        "together with LECTERN_TEST_SERVER=yes",
    });
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
