import type { BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { DbClient } from "@/lib/db/client";
import type { DatabaseProvider } from "@/lib/db/url";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords";

/** A reset link works once, for this long. */
export const RESET_LINK_MINUTES = 30;
/** A verification link (sign-up, new address) works for this long. */
export const VERIFY_LINK_HOURS = 24;

type MailHooks = {
  /** Queues the reset mail (the app) or hands the link to an operator (`npm run user -- reset-link`). */
  sendResetPassword: (data: {
    user: { id: string; name: string; email: string };
    token: string;
  }) => Promise<void>;
  sendVerificationEmail?: (data: {
    user: { id: string; name: string; email: string };
    token: string;
  }) => Promise<void>;
};

/**
 * better-auth's settings, shared by the app (lib/auth/auth.ts, which adds the Next.js cookie
 * plugin) and the `user` command. Password reset and email verification are better-auth's own:
 * reset tokens are stored hashed (verification.storeIdentifier), used once, expire after 30
 * minutes and end every session of the account; verification links are signed, expiring tokens
 * (not stored). docs/decisions/020-mail-queue-and-account-links.md says why.
 */
export function authOptions(input: {
  db: DbClient;
  provider: DatabaseProvider;
  secret: string;
  baseURL: string;
  mail: MailHooks;
}) {
  return {
    appName: "Lectern",
    secret: input.secret,
    baseURL: input.baseURL,
    trustedOrigins: [input.baseURL],
    database: prismaAdapter(input.db, { provider: input.provider }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // Lectern's own checks (common passwords, rate limits) run before better-auth is called.
      // Unverified accounts may sign in: they read and take quizzes; posting waits for the link.
      requireEmailVerification: false,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) => input.mail.sendResetPassword({ user, token }),
    },
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: VERIFY_LINK_HOURS * 60 * 60,
      sendVerificationEmail: async ({ user, token }) => input.mail.sendVerificationEmail?.({ user, token }),
    },
    verification: { storeIdentifier: "hashed" },
    user: {
      additionalFields: { role: { type: "string", defaultValue: "learner", input: false } },
      deleteUser: { enabled: true },
      // A verified account's address changes only when the link sent to the new one is followed;
      // an unverified one (a typo at sign-up) changes at once and gets a link at the new address.
      changeEmail: { enabled: true, updateEmailWithoutVerification: true },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      // No cookie cache: revoking sessions (sign out everywhere, password change) applies at once.
      cookieCache: { enabled: false },
    },
    // Lectern's named policies (lib/rate-limit.ts) limit every path; this limiter would not.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "lectern",
      useSecureCookies: input.baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}
