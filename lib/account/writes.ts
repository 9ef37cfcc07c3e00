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
import { RESET_LINK_INVALID, ResetTokenSchema, resetTokenHolder } from "@/lib/auth/reset-token";
import { DisplayNameSchema, EmailSchema, SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { anonymizeCommentsOf } from "@/lib/comments/queries";
import { db } from "@/lib/db";
import { mergeAnonymousLearner } from "@/lib/progress/merge";

// Signing in and up, the account page's changes (name, password, address, sessions, deletion)
// and password reset by mail: shared by the server actions (./actions.ts) and the JSON API
// (/api/auth/*), each through the one write pipeline.

/** Same words for a wrong password and an unknown email: errors never reveal who has an account. */
const BAD_CREDENTIALS = "The email or password is incorrect.";

/** Checks the signed-in person's password before a sensitive change; refuses with a field error. */
async function confirmPassword(password: string): Promise<void> {
  const auth = await getAuth();
  try {
    await auth.api.verifyPassword({ body: { password }, headers: await headers() });
  } catch (error) {
    if (isAPIError(error)) throw new ActionError("Your password is not right.", { password: "Not right" });
    throw error;
  }
}

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
    await confirmPassword(input.password);
    // Comments become "[deleted]" (replies by others stay readable); the account's learner,
    // progress and quiz attempts are deleted with it (foreign keys cascade).
    await anonymizeCommentsOf(ctx.user.id);
    await db.user.delete({ where: { id: ctx.user.id } });
    return { deleted: true };
  },
});

/** Sends the confirmation link again to the account's (unconfirmed) address. */
export const resendVerification = defineWrite({
  name: "account.resendVerification",
  schema: z.object({}),
  rateLimits: [perUser("verificationEmail")],
  authorize(ctx) {
    const found = requireUser(ctx);
    if (found.user.emailVerified) throw new ActionError("Your address is already confirmed.");
    return found;
  },
  async write(ctx) {
    const auth = await getAuth();
    await auth.api.sendVerificationEmail({ body: { email: ctx.user.email }, headers: await headers() });
    return { message: `We sent a new link to ${ctx.user.email}. It works for 24 hours.` };
  },
});

/**
 * Moves the account to a new address, after the current password. A confirmed account keeps its
 * address until the link sent to the new one is followed; an unconfirmed one (a typo at
 * sign-up) moves at once and gets its confirmation link there. The answer is the same when the
 * new address belongs to someone else, who is not told anything.
 */
export const changeEmail = defineWrite({
  name: "account.changeEmail",
  schema: z.object({
    newEmail: EmailSchema,
    password: z.string({ message: "Enter your password" }).min(1, "Enter your password").max(128),
  }),
  rateLimits: [perUser("accountChange"), perUser("verificationEmail")],
  authorize(ctx, input) {
    const found = requireUser(ctx);
    if (input.newEmail === found.user.email)
      throw new ActionError("That is already your address.", { newEmail: "That is already your address" });
    return found;
  },
  async write(ctx, input) {
    await confirmPassword(input.password);
    const auth = await getAuth();
    await auth.api.changeEmail({ body: { newEmail: input.newEmail }, headers: await headers() });
    revalidatePath("/account");
    return {
      message: ctx.user.emailVerified
        ? `We sent a link to ${input.newEmail}. Your address changes when you follow it (within 24 hours).`
        : `If ${input.newEmail} is free, your account uses it now and we sent a confirmation link there.`,
    };
  },
});

/**
 * Every reset request takes at least this long, whether or not an account has the address:
 * without the floor, queueing a mail (two inserts) would answer measurably later than finding
 * nobody (one read). `npm run bench:reset` measures the two.
 */
export const RESET_REQUEST_FLOOR_MS = 350;

/** What the request page says every time, account or not. */
export const RESET_REQUESTED =
  "If an account uses this address, we have sent it a link to choose a new password. The link works once, for 30 minutes.";

async function atLeast<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const [result] = await Promise.all([work(), new Promise((r) => setTimeout(r, ms))]);
  return result;
}

/** "Forgot password?": asks for a reset link (limited per address and per email; one answer either way). */
export const requestPasswordReset = defineWrite({
  name: "account.requestPasswordReset",
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

/** Sets a new password with a reset link: the link is used up, and every session of the account ends. */
export const resetPassword = defineWrite({
  name: "account.resetPassword",
  schema: z.object({
    token: ResetTokenSchema,
    newPassword: z.string({ message: "Choose a new password" }).max(128, "Use at most 128 characters"),
  }),
  rateLimits: [perAddress("passwordResetSubmit")],
  async authorize(_ctx, input) {
    const holder = await resetTokenHolder(input.token);
    if (!holder) throw new ActionError(RESET_LINK_INVALID, { token: RESET_LINK_INVALID });
    const problem = passwordProblem(input.newPassword, holder);
    if (problem) throw new ActionError(problem, { newPassword: problem });
  },
  async write(_ctx, input) {
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
