import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { defineWrite, perAddress } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getAuth } from "@/lib/auth/auth";
import { passwordProblem } from "@/lib/auth/passwords";
import { SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { anonymousLearnerId, clearLearnerCookie } from "@/lib/progress/identity";
import { mergeAnonymousLearner } from "@/lib/progress/merge";

// Sign-in and sign-up, shared by the pages' server actions and the JSON API (/api/auth/*).

/** Same words for a wrong password and an unknown email: errors never reveal who has an account. */
const BAD_CREDENTIALS = "The email or password is incorrect.";

/** Moves this browser's anonymous progress into the account, then forgets the anonymous cookie. */
async function claimBrowserProgress(userId: string) {
  await mergeAnonymousLearner(userId, await anonymousLearnerId());
  await clearLearnerCookie();
}

/** Signs in with email and password (rate-limited per address and per email). */
export const signIn = defineWrite({
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
