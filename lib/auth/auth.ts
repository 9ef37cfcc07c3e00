import "server-only";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { db, dbProvider } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { getSecret } from "@/lib/secret";
import { queuePasswordResetMail, queueVerificationMail } from "./mail";
import { authOptions } from "./options";

function createAuth(secret: string) {
  return betterAuth({
    ...authOptions({
      db,
      provider: dbProvider,
      secret,
      baseURL: siteUrl(),
      mail: { sendResetPassword: queuePasswordResetMail, sendVerificationEmail: queueVerificationMail },
    }),
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
