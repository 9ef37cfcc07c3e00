/** The page that takes a password reset token (also printed by `npm run user -- reset-link`). */
export const resetPasswordLink = (siteUrl: string, token: string) =>
  `${siteUrl}/reset-password?token=${encodeURIComponent(token)}`;

/** The address that checks an email verification token. */
export const verifyEmailLink = (siteUrl: string, token: string) =>
  `${siteUrl}/verify-email?token=${encodeURIComponent(token)}`;

/**
 * What a verification token (better-auth's signed JWT) says, read without checking the signature:
 * only to choose the wording of a mail or a page, never to decide anything.
 */
export function peekVerificationToken(token: string): {
  requestType?: string;
  updateTo?: string;
  email?: string;
} {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"),
    ) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      requestType: text(payload.requestType),
      updateTo: text(payload.updateTo),
      email: text(payload.email),
    };
  } catch {
    return {};
  }
}
