"use server";

import { isAPIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formFields } from "@/lib/actions/form";
import { defineWrite, perUser, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError, type ActionResult } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { passwordProblem } from "@/lib/auth/passwords";
import { DisplayNameSchema } from "@/lib/auth/schemas";
import { anonymizeCommentsOf } from "@/lib/comments/queries";
import { db } from "@/lib/db";
import { clearLearnerCookie } from "@/lib/progress/identity";

function signedIn(ctx: WriteContext) {
  if (!ctx.user) throw new ActionError("Sign in first.");
}

const updateName = defineWrite({
  schema: z.object({ name: DisplayNameSchema }),
  authorize: signedIn,
  rateLimits: [perUser("accountChange")],
  async write(ctx, input) {
    await db.user.update({ where: { id: ctx.user!.id }, data: { name: input.name } });
    revalidatePath("/account");
    return { name: input.name };
  },
});

/** Changes the display name shown with the user's comments. */
export async function updateNameAction(_prev: ActionResult<{ name: string }> | null, form: FormData) {
  return updateName(formFields(form, ["name"]));
}

const changePassword = defineWrite({
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

/** Changes the password and signs out every other browser. */
export async function changePasswordAction(_prev: ActionResult<{ changed: boolean }> | null, form: FormData) {
  const result = await changePassword(formFields(form, ["currentPassword", "newPassword"]));
  // The session cookie was just replaced: confirm on a fresh load of the page.
  if (result.ok) redirect("/account?changed=password");
  return result;
}

const signOutEverywhere = defineWrite({
  schema: z.object({}),
  authorize: signedIn,
  rateLimits: [perUser("accountChange")],
  async write() {
    const auth = await getAuth();
    await auth.api.revokeSessions({ headers: await headers() });
    return { done: true };
  },
});

/** Ends every session of this account, this browser's included. */
export async function signOutEverywhereAction(
  _prev: ActionResult<{ done: boolean }> | null,
  _form: FormData,
) {
  const result = await signOutEverywhere({});
  if (!result.ok) return result;
  await clearLearnerCookie();
  redirect("/sign-in");
}

const deleteAccount = defineWrite({
  schema: z.object({
    password: z.string().min(1, "Enter your password").max(128),
    confirm: z.literal("delete", { message: 'Type "delete" to confirm' }),
  }),
  authorize: signedIn,
  rateLimits: [perUser("accountChange")],
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
    await anonymizeCommentsOf(ctx.user!.id);
    await db.user.delete({ where: { id: ctx.user!.id } });
    return { deleted: true };
  },
});

/** Deletes the account after the password and a typed confirmation. */
export async function deleteAccountAction(_prev: ActionResult<{ deleted: boolean }> | null, form: FormData) {
  const result = await deleteAccount(formFields(form, ["password", "confirm"]));
  if (!result.ok) return result;
  await clearLearnerCookie();
  redirect("/?account=deleted");
}
