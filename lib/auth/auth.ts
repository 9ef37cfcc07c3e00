import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db, dbProvider } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { getSecret } from "@/lib/secret";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords";

function createAuth(secret: string) {
  const base = siteUrl();
  return betterAuth({
    appName: "Lectern",
    secret,
    baseURL: base,
    trustedOrigins: [base],
    database: prismaAdapter(db, { provider: dbProvider }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // Lectern's own checks (common passwords, rate limits) run before better-auth is called.
    },
    user: {
      additionalFields: { role: { type: "string", defaultValue: "learner", input: false } },
      deleteUser: { enabled: true },
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
      useSecureCookies: base.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { lecternAuth?: Promise<Auth> };

/** The one better-auth instance of this process (created once the cookie secret is known). */
export function getAuth(): Promise<Auth> {
  globalForAuth.lecternAuth ??= getSecret().then(createAuth);
  return globalForAuth.lecternAuth;
}
