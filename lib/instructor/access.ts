import "server-only";
import { notFound, redirect } from "next/navigation";
import type { WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { isStaff } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

/**
 * For instructor pages: the signed-in instructor or admin. An anonymous visitor is sent to
 * sign in (and back to `path`); anyone else gets the ordinary 404, so the page's existence
 * is not advertised.
 */
export async function requireStaffPage(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!isStaff(user.role)) notFound();
  return user;
}

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * For instructor route handlers: the staff user, or the response to send instead (401 for
 * an anonymous request, 404 for anyone else), carrying no data.
 */
export async function staffForRoute(): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await getSessionUser();
  if (!user) return { response: new Response("Sign in required\n", { status: 401, headers: NO_STORE }) };
  if (!isStaff(user.role))
    return { response: new Response("Not found\n", { status: 404, headers: NO_STORE }) };
  return { user };
}

/** For instructor writes (defineWrite's authorize step): the staff user; anyone else is refused. */
export function authorizeStaff(ctx: Pick<WriteContext, "user">): { user: SessionUser } {
  if (!ctx.user)
    throw new ActionError("Sign in with an instructor account to use this tool.", undefined, 401);
  if (!isStaff(ctx.user.role))
    throw new ActionError("This tool is for instructors and admins only.", undefined, 404);
  return { user: ctx.user };
}
