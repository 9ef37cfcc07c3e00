"use server";

import { redirect } from "next/navigation";
import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { changeEmail, resendVerification } from "./email-writes";
import { requestPasswordReset, resetPassword } from "./recovery-writes";

type Message = ActionResult<{ message: string }> | null;

/** "Forgot password?": asks for a reset link; the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(_prev: Message, form: FormData) {
  return requestPasswordReset(formFields(form, ["email"]));
}

/** Sets a new password from a reset link, then sends the person to sign in with it. */
export async function resetPasswordAction(_prev: ActionResult<{ reset: boolean }> | null, form: FormData) {
  const result = await resetPassword(formFields(form, ["token", "newPassword"]));
  if (result.ok) redirect("/sign-in?reset=done");
  return result;
}

/** Sends the address confirmation link again. */
export async function resendVerificationAction(_prev: Message, _form: FormData) {
  return resendVerification({});
}

/** Moves the account to another address (after the password; confirmed by a link). */
export async function changeEmailAction(_prev: Message, form: FormData) {
  return changeEmail(formFields(form, ["newEmail", "password"]));
}
