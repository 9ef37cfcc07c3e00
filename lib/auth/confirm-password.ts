import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { ActionError } from "@/lib/actions/result";
import { getAuth } from "./auth";

/** Checks the signed-in person's password before a sensitive change; refuses with a field error. */
export async function confirmPassword(password: string): Promise<void> {
  const auth = await getAuth();
  try {
    await auth.api.verifyPassword({ body: { password }, headers: await headers() });
  } catch (error) {
    if (isAPIError(error)) throw new ActionError("Your password is not right.", { password: "Not right" });
    throw error;
  }
}
