"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { clearLearnerCookie } from "@/lib/auth/identity";
import {
  changeEmail,
  changePassword,
  deleteAccount,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signIn,
  signOutEverywhere,
  signUp,
  updateName,
} from "./writes";

type Message = ActionResult<{ message: string }> | null;

/** Signs in with email and password; anonymous progress in this browser moves into the account. */
export async function signInAction(_prev: ActionResult<{ next: string }> | null, form: FormData) {
  const result = await signIn(form);
  if (result.ok) redirect(result.data.next);
  return result;
}

/** Creates an account and signs in; anonymous progress in this browser moves into it. */
export async function signUpAction(_prev: ActionResult<{ next: string }> | null, form: FormData) {
  const result = await signUp(form);
  if (result.ok) redirect(result.data.next);
  return result;
}

/** Ends this browser's session and forgets its learner, so the next person starts fresh. The caller reloads. */
export async function signOutAction() {
  const auth = await getAuth();
  try {
    await auth.api.signOut({ headers: await headers() });
  } catch (error) {
    // Already signed out: nothing to end.
    if (!isAPIError(error)) throw error;
  }
  await clearLearnerCookie();
}

/** Changes the display name shown with the user's comments. */
export async function updateNameAction(_prev: ActionResult<{ name: string }> | null, form: FormData) {
  return updateName(form);
}

/** Changes the password and signs out every other browser. */
export async function changePasswordAction(_prev: ActionResult<{ changed: boolean }> | null, form: FormData) {
  const result = await changePassword(form);
  // The session cookie was just replaced: confirm on a fresh load of the page.
  if (result.ok) redirect("/account?changed=password");
  return result;
}

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

/** Deletes the account after the password and a typed confirmation. */
export async function deleteAccountAction(_prev: ActionResult<{ deleted: boolean }> | null, form: FormData) {
  const result = await deleteAccount(form);
  if (!result.ok) return result;
  await clearLearnerCookie();
  redirect("/?account=deleted");
}

/** "Forgot password?": asks for a reset link; the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(_prev: Message, form: FormData) {
  return requestPasswordReset(form);
}

/** Sets a new password from a reset link, then sends the person to sign in with it. */
export async function resetPasswordAction(_prev: ActionResult<{ reset: boolean }> | null, form: FormData) {
  const result = await resetPassword(form);
  if (result.ok) redirect("/sign-in?reset=done");
  return result;
}

/** Sends the address confirmation link again. */
export async function resendVerificationAction(_prev: Message, _form: FormData) {
  return resendVerification({});
}

/** Moves the account to another address (after the password; confirmed by a link). */
export async function changeEmailAction(_prev: Message, form: FormData) {
  return changeEmail(form);
}
