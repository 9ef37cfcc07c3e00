import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineWrite, perUser, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getAuth } from "./auth";
import { confirmPassword } from "./confirm-password";
import { EmailSchema } from "./schemas";

// The account's email address: confirming it (the link, sent again on request) and moving the
// account to another address. Shared by the server actions in lib/auth/actions.ts.

function signedIn(ctx: WriteContext) {
  if (!ctx.user) throw new ActionError("Sign in first.", undefined, 401);
  return ctx.user;
}

/** Sends the confirmation link again to the account's (unconfirmed) address. */
export const resendVerification = defineWrite({
  schema: z.object({}),
  authorize: (ctx) => void signedIn(ctx),
  rateLimits: [perUser("verificationEmail")],
  async write(ctx) {
    const user = signedIn(ctx);
    if (user.emailVerified) throw new ActionError("Your address is already confirmed.");
    const auth = await getAuth();
    await auth.api.sendVerificationEmail({ body: { email: user.email }, headers: await headers() });
    return { message: `We sent a new link to ${user.email}. It works for 24 hours.` };
  },
});

/**
 * Moves the account to a new address, after the current password. A confirmed account keeps its
 * address until the link sent to the new one is followed; an unconfirmed one (a typo at
 * sign-up) moves at once and gets its confirmation link there. The answer is the same when the
 * new address belongs to someone else, who is not told anything.
 */
export const changeEmail = defineWrite({
  schema: z.object({
    newEmail: EmailSchema,
    password: z.string({ message: "Enter your password" }).min(1, "Enter your password").max(128),
  }),
  authorize(ctx, input) {
    const user = signedIn(ctx);
    if (input.newEmail === user.email)
      throw new ActionError("That is already your address.", { newEmail: "That is already your address" });
  },
  rateLimits: [perUser("accountChange"), perUser("verificationEmail")],
  async write(ctx, input) {
    const user = signedIn(ctx);
    await confirmPassword(input.password);
    const auth = await getAuth();
    await auth.api.changeEmail({ body: { newEmail: input.newEmail }, headers: await headers() });
    revalidatePath("/account");
    return {
      message: user.emailVerified
        ? `We sent a link to ${input.newEmail}. Your address changes when you follow it (within 24 hours).`
        : `If ${input.newEmail} is free, your account uses it now and we sent a confirmation link there.`,
    };
  },
});
