import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { z } from "zod";
import { defineWrite, perAddress } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { getAuth } from "./auth";
import { passwordProblem } from "./passwords";
import { EmailSchema } from "./schemas";

// Password reset by mail (better-auth's, with Lectern's rules around it): the request page and
// the page the link opens. Shared by the server actions in lib/auth/actions.ts.

/**
 * Every reset request takes at least this long, whether or not an account has the address:
 * without the floor, queueing a mail (two inserts) would answer measurably later than finding
 * nobody (one read). `npm run bench:reset` measures the two.
 */
export const RESET_REQUEST_FLOOR_MS = 350;

/** What the request page says every time, account or not. */
export const RESET_REQUESTED =
  "If an account uses this address, we have sent it a link to choose a new password. The link works once, for 30 minutes.";

/** What the reset page says when the link is unknown, used or expired. */
export const RESET_LINK_INVALID = "This link has expired or was already used. Ask for a new one below.";

export const ResetTokenSchema = z
  .string({ message: "The link is incomplete" })
  .regex(/^[A-Za-z0-9_-]{16,100}$/, "The link is incomplete");

async function atLeast<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const [result] = await Promise.all([work(), new Promise((r) => setTimeout(r, ms))]);
  return result;
}

/** Asks for a reset link (rate-limited per address and per email; the same answer either way). */
export const requestPasswordReset = defineWrite({
  schema: z.object({ email: EmailSchema }),
  rateLimits: [
    perAddress("passwordResetAddress"),
    { policy: "passwordResetEmail", subject: (_ctx, input) => `email:${input.email}` },
  ],
  async write(_ctx, input) {
    await atLeast(RESET_REQUEST_FLOOR_MS, async () => {
      const auth = await getAuth();
      await auth.api.requestPasswordReset({ body: { email: input.email }, headers: await headers() });
    });
    return { message: RESET_REQUESTED };
  },
});

/** The account a reset token is for while it is unused and unexpired, else null (nothing consumed). */
export async function resetTokenHolder(
  token: string,
): Promise<{ id: string; email: string; name: string } | null> {
  if (!ResetTokenSchema.safeParse(token).success) return null;
  const context = await (await getAuth()).$context;
  const found = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!found || found.expiresAt < new Date()) return null;
  return db.user.findUnique({ where: { id: found.value }, select: { id: true, email: true, name: true } });
}

/** Sets a new password with a reset link: the link is used up, and every session of the account ends. */
export const resetPassword = defineWrite({
  schema: z.object({
    token: ResetTokenSchema,
    newPassword: z.string({ message: "Choose a new password" }).max(128, "Use at most 128 characters"),
  }),
  rateLimits: [perAddress("passwordResetSubmit")],
  async write(_ctx, input) {
    const holder = await resetTokenHolder(input.token);
    if (!holder) throw new ActionError(RESET_LINK_INVALID, { token: RESET_LINK_INVALID });
    const problem = passwordProblem(input.newPassword, holder);
    if (problem) throw new ActionError(problem, { newPassword: problem });
    const auth = await getAuth();
    try {
      // Consumes the token atomically (a second use of the link fails) and deletes every session.
      await auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } });
    } catch (error) {
      if (isAPIError(error)) throw new ActionError(RESET_LINK_INVALID, { token: RESET_LINK_INVALID });
      throw error;
    }
    return { reset: true };
  },
});
