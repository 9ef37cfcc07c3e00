"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formFields } from "@/lib/actions/form";
import { defineWrite, perAddress } from "@/lib/actions/pipeline";
import { ActionError, type ActionResult } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { passwordProblem } from "@/lib/auth/passwords";
import { SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { anonymousLearnerId, clearLearnerCookie } from "@/lib/progress/identity";
import { mergeAnonymousLearner } from "@/lib/progress/merge";

/** Same words for a wrong password and an unknown email: errors never reveal who has an account. */
const BAD_CREDENTIALS = "The email or password is incorrect.";

/** Moves this browser's anonymous progress into the account, then forgets the anonymous cookie. */
async function claimBrowserProgress(userId: string) {
  await mergeAnonymousLearner(userId, await anonymousLearnerId());
  await clearLearnerCookie();
}

const signIn = defineWrite({
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

/** Signs in with email and password; anonymous progress in this browser moves into the account. */
export async function signInAction(_prev: ActionResult<{ next: string }> | null, form: FormData) {
  const result = await signIn(formFields(form, ["email", "password", "next"]));
  if (result.ok) redirect(result.data.next);
  return result;
}

const signUp = defineWrite({
  schema: SignUpSchema,
  authorize(_ctx, input) {
    const problem = passwordProblem(input.password, { email: input.email, name: input.name });
    if (problem) throw new ActionError(problem, { password: problem });
  },
  rateLimits: [perAddress("signUpAddress")],
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
