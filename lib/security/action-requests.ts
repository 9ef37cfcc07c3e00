/**
 * What the server accepts in one server-action request body: Next's own limit (1 MB), so what
 * it would refuse with a bare 500 is refused first, with a status and words.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** A request the proxy refuses before Next runs a server action, with the answer it gets. */
export type ActionRefusal = { status: 403 | 413; message: string };

type RequestLike = { method: string; headers: Pick<Headers, "get"> };

/** Whether a request may run a server action: a POST carrying an action id or a form body. */
export function mayBeServerAction(request: RequestLike): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.get("next-action")) return true;
  const type = request.headers.get("content-type") ?? "";
  return /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i.test(type);
}

/** The host the request was sent to, as Next compares it with Origin (X-Forwarded-Host first). */
function requestHost(headers: Pick<Headers, "get">): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * Why a server-action request is refused, or null to let Next handle it: posted from another
 * site (its Origin names another host than the one it was sent to: 403, where Next answers 500),
 * or declared larger than Next accepts (413, where Next answers 500). A request without Origin
 * is not from a browser page and is left to Next, as Next does.
 */
export function actionRefusal(request: RequestLike): ActionRefusal | null {
  if (!mayBeServerAction(request)) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== requestHost(request.headers)) {
      return {
        status: 403,
        message:
          "This form was sent from another site. Lectern accepts changes only from its own pages: open the page on this site and try again.",
      };
    }
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT_BYTES) {
    return {
      status: 413,
      message: `The request is ${Math.ceil(length / 1024)} KB; Lectern accepts at most ${ACTION_BODY_LIMIT_BYTES / 1024} KB in one request.`,
    };
  }
  return null;
}
