import { type NextRequest, NextResponse } from "next/server";
import { actionRefusal } from "@/lib/security/action-requests";

/**
 * Refuses, with a status and a message, the server-action requests Next itself would answer
 * with a bare 500: posted from another site (403) or larger than Next accepts (413). See
 * lib/security/action-requests.ts. Runs only for POSTs that can carry an action.
 */
export function proxy(request: NextRequest) {
  const refusal = actionRefusal(request);
  if (!refusal) return NextResponse.next();
  return new NextResponse(refusal.message, {
    status: refusal.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/:path*",
      has: [
        {
          type: "header",
          key: "content-type",
          value: "(?:multipart/form-data|application/x-www-form-urlencoded|text/plain).*",
        },
      ],
    },
  ],
};
