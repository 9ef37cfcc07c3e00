import { requestPasswordReset } from "@/lib/account/writes";
import { readJson, toResponse } from "@/lib/actions/http";

export const dynamic = "force-dynamic";

/**
 * Asks for a password reset link with JSON ({ email }): the same write as the "Forgot password?"
 * page (same rate limits, the same answer and roughly the same time whether or not an account
 * has the address), for clients that are not the page.
 */
export async function POST(request: Request) {
  const body = await readJson(request, 1000);
  if (!body.ok) return body.response;
  return toResponse(await requestPasswordReset(body.body));
}
