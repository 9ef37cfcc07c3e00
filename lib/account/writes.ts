import "server-only";
import { isAPIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineWrite, perAddress, perUser, requireUser } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { anonymousLearnerId, clearLearnerCookie } from "@/lib/auth/identity";
import { passwordProblem } from "@/lib/auth/passwords";
import { DisplayNameSchema, SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { anonymizeCommentsOf } from "@/lib/comments/queries";
import { db } from "@/lib/db";
import { mergeAnonymousLearner } from "@/lib/progress/merge";

// Signing in and up, and the account page's changes: shared by the server actions (./actions.ts)
// and the JSON API (/api/auth/*), each through the one write pipeline.

/** Same words for a wrong password and an unknown email: errors never reveal who has an account. */
const BAD_CREDENTIALS = "The email or password is incorrect.";

/** Moves this browser's anonymous progress into the account, then forgets the anonymous cookie. */
async function claimBrowserProgress(userId: string) {
  await mergeAnonymousLearner(userId, await anonymousLearnerId());
  await clearLearnerCookie();
}

/** Signs in with email and password (rate-limited per address and per email). */
export const signIn = defineWrite({
  name: "account.signIn",
  schema: SignInSchema,
  rateLimits: [
    perAddress("signInAddress"),
    { policy: "signInEmail", subject: (_ctx, input) => `email:${input.email}` },
  ],
  async write(_ctx, input) {
    const auth = await getAuth();
    try {
      const result = await auth.api.signInEmail({
        body: { email: input.email, password: input.password },
        headers: await headers(),
      });
      await claimBrowserProgress(result.user.id);
      return { next: input.next };
    } catch (error) {
      if (isAPIError(error)) throw new ActionError(BAD_CREDENTIALS);
      throw error;
    }
  },
});

/** Creates an account and signs it in (rate-limited per address). */
export const signUp = defineWrite({
  name: "account.signUp",
  schema: SignUpSchema,
  rateLimits: [perAddress("signUpAddress")],
  authorize(_ctx, input) {
    const problem = passwordProblem(input.password, { email: input.email, name: input.name });
    if (problem) throw new ActionError(problem, { password: problem });
  },
  async write(_ctx, input) {
    if (input.website) throw new ActionError("We could not create an account with these details.");
    const auth = await getAuth();
    try {
      const result = await auth.api.signUpEmail({
        body: { name: input.name, email: input.email, password: input.password },
        headers: await headers(),
      });
      await claimBrowserProgress(result.user.id);
      return { next: input.next };
    } catch (error) {
      // Also when the email is taken: the message must not tell an attacker that it is.
      if (isAPIError(error)) {
        throw new ActionError(
          "We could not create an account with these details. If you already have an account, sign in instead.",
        );
      }
      throw error;
    }
  },
});

/** Changes the display name shown with the user's comments. */
export const updateName = defineWrite({
  name: "account.updateName",
  schema: z.object({ name: DisplayNameSchema }),
  rateLimits: [perUser("accountChange")],
  authorize: (ctx) => requireUser(ctx),
  async write(ctx, input) {
    await db.user.update({ where: { id: ctx.user.id }, data: { name: input.name } });
    revalidatePath("/account");
    return { name: input.name };
  },
});

/** Changes the password; every other session ends. */
export const changePassword = defineWrite({
  name: "account.changePassword",
  schema: z.object({
    currentPassword: z.string().min(1, "Enter your current password").max(128),
    newPassword: z.string().max(128, "Use at most 128 characters"),
  }),
  rateLimits: [perUser("accountChange")],
  authorize(ctx, input) {
    const { user } = requireUser(ctx);
    const problem = passwordProblem(input.newPassword, { email: user.email, name: user.name });
    if (problem) throw new ActionError(problem, { newPassword: problem });
  },
  async write(_ctx, input) {
    const auth = await getAuth();
    try {
      // Every other session ends; this browser gets a fresh session.
      await auth.api.changePassword({
        body: {
          currentPassword: input.currentPassword,
          newPassword: input.newPassword,
          revokeOtherSessions: true,
        },
        headers: await headers(),
      });
    } catch (error) {
      if (isAPIError(error))
        throw new ActionError("Your current password is not right.", { currentPassword: "Not right" });
      throw error;
    }
    return { changed: true };
  },
});

/** Ends every session of this account, this browser's included. */
export const signOutEverywhere = defineWrite({
  name: "account.signOutEverywhere",
  schema: z.object({}),
  rateLimits: [perUser("accountChange")],
  authorize: (ctx) => requireUser(ctx),
  async write() {
    const auth = await getAuth();
    await auth.api.revokeSessions({ headers: await headers() });
    return { done: true };
  },
});

/** Deletes the account after its password and the typed word. */
export const deleteAccount = defineWrite({
  name: "account.delete",
  schema: z.object({
    password: z.string().min(1, "Enter your password").max(128),
    confirm: z.literal("delete", { message: 'Type "delete" to confirm' }),
  }),
  rateLimits: [perUser("accountChange")],
  authorize: (ctx) => requireUser(ctx),
  async write(ctx, input) {
    const auth = await getAuth();
    const h = await headers();
    try {
      await auth.api.verifyPassword({ body: { password: input.password }, headers: h });
    } catch (error) {
      if (isAPIError(error)) throw new ActionError("Your password is not right.", { password: "Not right" });
      throw error;
    }
    // Comments become "[deleted]" (replies by others stay readable); the account's learner,
    // progress and quiz attempts are deleted with it (foreign keys cascade).
    await anonymizeCommentsOf(ctx.user.id);
    await db.user.delete({ where: { id: ctx.user.id } });
    return { deleted: true };
  },
});
