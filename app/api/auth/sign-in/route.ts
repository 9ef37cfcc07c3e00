import { signIn } from "@/lib/account/writes";
import { readJson, toResponse } from "@/lib/actions/http";

export const dynamic = "force-dynamic";

/**
 * Signs in with JSON ({ email, password }) and sets the session cookie: the same write as the
 * sign-in page (same rate limits, same merged progress), for clients that are not the page.
 */
export async function POST(request: Request) {
  const body = await readJson(request, 2000);
  if (!body.ok) return body.response;
  const result = await signIn(body.body);
  return result.ok
    ? Response.json({ signedIn: true }, { headers: { "Cache-Control": "no-store" } })
    : toResponse(result);
}
