"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { signIn, signUp } from "@/lib/auth/writes";
import { clearLearnerCookie } from "@/lib/progress/identity";

/** Signs in with email and password; anonymous progress in this browser moves into the account. */
export async function signInAction(_prev: ActionResult<{ next: string }> | null, form: FormData) {
  const result = await signIn(formFields(form, ["email", "password", "next"]));
  if (result.ok) redirect(result.data.next);
  return result;
}

/** Creates an account and signs in; anonymous progress in this browser moves into it. */
export async function signUpAction(_prev: ActionResult<{ next: string }> | null, form: FormData) {
  const result = await signUp(formFields(form, ["name", "email", "password", "next", "website"]));
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
