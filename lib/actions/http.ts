import type { ActionResult } from "./result";

/**
 * The body as text, reading no more than `maxBytes` (UTF-8): null when it is larger, whether
 * it says so in Content-Length or streams on without one. A large body is never held in memory.
 */
async function boundedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

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
  const text = await boundedText(request, maxBytes);
  if (text === null)
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
