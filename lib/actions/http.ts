import type { ActionResult } from "./result";

/**
 * Reads a JSON request body of at most `maxBytes`, or says why not. The content type must be
 * application/json: a cross-site page cannot send that without a CORS preflight, which this
 * app never grants, so JSON writes cannot be forged from another site.
 */
export async function readJson(
  request: Request,
  maxBytes = 32_000,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return {
      ok: false,
      response: Response.json({ error: "Send the body as application/json" }, { status: 415 }),
    };
  }
  const text = await request.text();
  if (text.length > maxBytes)
    return {
      ok: false,
      response: Response.json({ error: `The body is larger than ${maxBytes} bytes` }, { status: 413 }),
    };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: Response.json({ error: "The body must be JSON" }, { status: 400 }) };
  }
}

/** The HTTP answer for a write's result: the data, or the error with its status. */
export function toResponse<T>(result: ActionResult<T>): Response {
  if (result.ok) return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.retryAfterSeconds) headers["Retry-After"] = String(result.retryAfterSeconds);
  return Response.json(
    { error: result.message, fieldErrors: result.fieldErrors },
    { status: result.status, headers },
  );
}
