import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { getAuth } from "./auth";

// The token of a password reset link (better-auth's, stored hashed in `Verification`): its form,
// and who it is for while it still works. The reset page and the reset write read it.

/** What the reset page says when the link is unknown, used or expired. */
export const RESET_LINK_INVALID = "This link has expired or was already used. Ask for a new one below.";

export const ResetTokenSchema = z
  .string({ message: "The link is incomplete" })
  .regex(/^[A-Za-z0-9_-]{16,100}$/, "The link is incomplete");

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
