import "server-only";
import { isAPIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineWrite, perUser, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { passwordProblem } from "@/lib/auth/passwords";
import { DisplayNameSchema } from "@/lib/auth/schemas";
import { anonymizeCommentsOf } from "@/lib/comments/queries";
import { db } from "@/lib/db";

// The account page's writes (its server actions in app/(auth)/account/actions.ts are thin
// wrappers): each goes through the one write pipeline.

function signedIn(ctx: WriteContext) {
  if (!ctx.user) throw new ActionError("Sign in first.");
}

export const updateName = defineWrite({
  schema: z.object({ name: DisplayNameSchema }),
  authorize: signedIn,
  rateLimits: [perUser("accountChange")],
  async write(ctx, input) {
    await db.user.update({ where: { id: ctx.user!.id }, data: { name: input.name } });
    revalidatePath("/account");
    return { name: input.name };
  },
});

export const changePassword = defineWrite({
  schema: z.object({
    currentPassword: z.string().min(1, "Enter your current password").max(128),
    newPassword: z.string().max(128, "Use at most 128 characters"),
  }),
  authorize(ctx, input) {
    signedIn(ctx);
    const problem = passwordProblem(input.newPassword, { email: ctx.user!.email, name: ctx.user!.name });
    if (problem) throw new ActionError(problem, { newPassword: problem });
  },
  rateLimits: [perUser("accountChange")],
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

export const signOutEverywhere = defineWrite({
  schema: z.object({}),
  authorize: signedIn,
  rateLimits: [perUser("accountChange")],
  async write() {
    const auth = await getAuth();
    await auth.api.revokeSessions({ headers: await headers() });
    return { done: true };
  },
});

export const deleteAccount = defineWrite({
  schema: z.object({
    password: z.string().min(1, "Enter your password").max(128),
    confirm: z.literal("delete", { message: 'Type "delete" to confirm' }),
  }),
  authorize: signedIn,
  rateLimits: [perUser("accountChange")],
  async write(ctx, input) {
    await confirmPassword(input.password);
    // Comments become "[deleted]" (replies by others stay readable); the account's learner,
    // progress and quiz attempts are deleted with it (foreign keys cascade).
    await anonymizeCommentsOf(ctx.user!.id);
    await db.user.delete({ where: { id: ctx.user!.id } });
    return { deleted: true };
  },
});
