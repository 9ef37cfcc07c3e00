import "server-only";
import { direct } from "@/lib/db";
import { col, sql } from "@/lib/db/sql";
import { env } from "@/lib/env";

/**
 * Named rate-limit policies: fixed windows counted in the database, so every app process
 * (and every server on a shared database) sees the same counters. Tests loosen them only
 * through LECTERN_RATE_LIMIT_SCALE (documented in .env.example), never a hidden flag.
 */
export const RATE_LIMITS = {
  /** Quiz submissions per learner. */
  quizSubmit: { limit: 30, windowSeconds: 60 },
  /** Exercise submissions per learner (each is graded on the server). */
  exerciseSubmit: { limit: 30, windowSeconds: 60 },
  /** Exercise hint and solution requests per learner. */
  exerciseHint: { limit: 60, windowSeconds: 60 },
  /** Exercise drafts saved per signed-in user (the island saves a moment after typing stops). */
  exerciseDraft: { limit: 120, windowSeconds: 60 },
  /** Progress writes (complete, reset) per learner. */
  progressWrite: { limit: 60, windowSeconds: 60 },
  /** Review answers and cards added by hand, per learner. */
  review: { limit: 60, windowSeconds: 60 },
  /** Visit beacons per learner. */
  visit: { limit: 120, windowSeconds: 60 },
  /** Sign-in attempts per client address (slows password spraying from one place). */
  signInAddress: { limit: 20, windowSeconds: 600 },
  /** Sign-in attempts per email (slows guessing one account's password from many places). */
  signInEmail: { limit: 8, windowSeconds: 900 },
  /** Accounts created per client address. */
  signUpAddress: { limit: 5, windowSeconds: 3600 },
  /** Comments (and replies) per user; accounts younger than a day get commentPostNew instead. */
  commentPost: { limit: 10, windowSeconds: 600 },
  /** Comments per user in the first day of an account (as Discourse limits new users). */
  commentPostNew: { limit: 3, windowSeconds: 600 },
  /** Edits and deletions of one's own comments per user. */
  commentEdit: { limit: 30, windowSeconds: 600 },
  /** Comment previews (Write / Preview) per user. */
  commentPreview: { limit: 60, windowSeconds: 60 },
  /** Reports per user. */
  commentReport: { limit: 10, windowSeconds: 3600 },
  /** Moderation actions per moderator. */
  moderate: { limit: 120, windowSeconds: 60 },
  /** Account changes (name, password, sessions, deletion) per user. */
  accountChange: { limit: 10, windowSeconds: 3600 },
  /** Password reset requests per client address. */
  passwordResetAddress: { limit: 10, windowSeconds: 3600 },
  /** Password reset requests per email (whether or not an account has it: the answer is the same). */
  passwordResetEmail: { limit: 3, windowSeconds: 3600 },
  /** New passwords submitted with a reset link, per client address. */
  passwordResetSubmit: { limit: 20, windowSeconds: 3600 },
  /** Verification mails (sent again, or for a new address) per user. */
  verificationEmail: { limit: 5, windowSeconds: 3600 },
  /** Notification settings and follow toggles per user. */
  notificationChange: { limit: 60, windowSeconds: 3600 },
  /** Unsubscribe links used per client address. */
  unsubscribe: { limit: 30, windowSeconds: 3600 },
  /** Instructor preview compiles (debounced while typing) and lesson loads per instructor. */
  instructorPreview: { limit: 120, windowSeconds: 60 },
  /** Instructor CSV exports per instructor. */
  instructorExport: { limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, { limit: number; windowSeconds: number }>;

export type RateLimitPolicy = keyof typeof RATE_LIMITS;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const scale = () => env().LECTERN_RATE_LIMIT_SCALE;

/** Counts one event for `subject` under a policy; says when to retry once the limit is spent. */
export async function consumeRateLimit(
  policy: RateLimitPolicy,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> {
  const { limit, windowSeconds } = RATE_LIMITS[policy];
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${policy}:${subject}`;
  // One atomic statement on both SQLite and PostgreSQL: start the counter, count one more in the
  // current window, or restart it when the window has moved on. Concurrent requests (from any
  // number of app servers) each see their own count; no read-then-write race, no transaction.
  // On the PrismaClient's adapter (lib/db/sql.ts): every write counts here first.
  const rows = await direct.query(
    sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimit"."windowStart" = excluded."windowStart"
                         THEN "RateLimit"."count" + 1 ELSE 1 END,
          "windowStart" = excluded."windowStart"
        RETURNING "count"`,
    { count: col.int },
  );
  const row = { count: rows[0]?.count ?? Number.POSITIVE_INFINITY };
  if (row.count <= limit * scale()) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
  };
}
