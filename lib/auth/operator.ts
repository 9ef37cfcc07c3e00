import { betterAuth } from "better-auth";
import type { DbClient } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { SECRET_SETTING } from "@/lib/secret-setting";
import { resetPasswordLink } from "./links";
import { authOptions } from "./options";

// What the `user` command does for operators without mail: the same better-auth code paths as
// the site, on the command's own database client.

/**
 * A password reset link for the account with `email`, made exactly as the site makes the one it
 * mails (hashed, single-use, 30 minutes), or null when no account has that address.
 */
export async function createResetLink(
  db: DbClient,
  input: { email: string; databaseUrl: string | undefined; siteUrl: string; secret?: string },
): Promise<string | null> {
  const email = input.email.trim().toLowerCase();
  if (!(await db.user.findUnique({ where: { email }, select: { id: true } }))) return null;
  const secret =
    input.secret ??
    (await db.setting.findUnique({ where: { key: SECRET_SETTING }, select: { value: true } }))?.value ??
    "no-secret-needed-for-reset-tokens-0000000";
  let token: string | undefined;
  const auth = betterAuth(
    authOptions({
      db,
      provider: databaseProvider(input.databaseUrl),
      secret,
      baseURL: input.siteUrl,
      mail: {
        sendResetPassword: async (data) => {
          token = data.token;
        },
      },
    }),
  );
  await auth.api.requestPasswordReset({ body: { email } });
  return token ? resetPasswordLink(input.siteUrl, token) : null;
}

/** Marks an address as confirmed (an operator vouching for it); false when no account has it. */
export async function markEmailVerified(db: DbClient, email: string): Promise<boolean> {
  const result = await db.user.updateMany({
    where: { email: email.trim().toLowerCase() },
    data: { emailVerified: true },
  });
  return result.count > 0;
}
