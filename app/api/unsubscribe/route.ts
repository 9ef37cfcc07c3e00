import { unsubscribeWithToken } from "@/lib/notifications/writes";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe (RFC 8058): the address in a mail's List-Unsubscribe header, which mail
 * clients POST to (body "List-Unsubscribe=One-Click") without opening a page. The signed token
 * in the address is the proof; no cookie or sign-in is involved.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const result = await unsubscribeWithToken({ token });
  const headers = { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" };
  return result.ok
    ? new Response("Unsubscribed.\n", { status: 200, headers })
    : new Response(`${result.message}\n`, { status: result.status, headers });
}
