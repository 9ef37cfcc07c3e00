import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import { peekVerificationToken } from "@/lib/auth/links";
import { queueEmailChangedNotice } from "@/lib/auth/mail";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

const result = (status: string) =>
  new Response(null, {
    status: 303,
    headers: { Location: `${siteUrl()}/verify-email/result?status=${status}`, "Cache-Control": "no-store" },
  });

/**
 * The link in a verification mail: better-auth checks the signed token and confirms the address
 * (or, for a move, switches the account to the new one and tells the old address); then the
 * result page says what happened.
 */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token) || token.length > 2000) return result("invalid");
  const claims = peekVerificationToken(token);
  const moving = claims.requestType === "change-email-verification" && claims.updateTo && claims.email;
  const auth = await getAuth();
  try {
    await auth.api.verifyEmail({ query: { token }, headers: await headers() });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const code = (error.body as { code?: string } | undefined)?.code;
    return result(code === "TOKEN_EXPIRED" ? "expired" : "invalid");
  }
  if (moving) {
    const user = await db.user.findUnique({
      where: { email: claims.updateTo },
      select: { id: true, name: true, email: true },
    });
    if (user) await queueEmailChangedNotice(user, claims.email as string);
    return result("changed");
  }
  return result("verified");
}
