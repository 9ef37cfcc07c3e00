import { getSessionUser } from "@/lib/auth/session";
import { outboxMessage } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

/**
 * A message's HTML body, for admins, as a mail client would show it. Served as a sandboxed
 * document (no scripts, no same-origin access, nothing loaded from elsewhere) even though the
 * templates escape everything they insert.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  const m = user?.role === "admin" && /^[a-z0-9]{10,40}$/.test(id) ? await outboxMessage(id) : null;
  if (!m?.html) return new Response("Not found\n", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(m.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy":
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    },
  });
}
