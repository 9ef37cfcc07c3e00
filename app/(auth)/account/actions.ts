"use server";

import { redirect } from "next/navigation";
import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { changePassword, deleteAccount, signOutEverywhere, updateName } from "@/lib/auth/account-writes";
import { clearLearnerCookie } from "@/lib/progress/identity";

/** Changes the display name shown with the user's comments. */
export async function updateNameAction(_prev: ActionResult<{ name: string }> | null, form: FormData) {
  return updateName(formFields(form, ["name"]));
}

/** Changes the password and signs out every other browser. */
export async function changePasswordAction(_prev: ActionResult<{ changed: boolean }> | null, form: FormData) {
  const result = await changePassword(formFields(form, ["currentPassword", "newPassword"]));
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
  const result = await deleteAccount(formFields(form, ["password", "confirm"]));
  if (!result.ok) return result;
  await clearLearnerCookie();
  redirect("/?account=deleted");
}
