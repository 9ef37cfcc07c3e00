import "server-only";
import { notFound, redirect } from "next/navigation";
import type { WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { isStaff, type Role } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

/**
 * The signed-in user whose role `allowed` admits. An anonymous visitor is sent to sign in (and
 * back to `path`); anyone else gets the ordinary 404, so the page's existence is not advertised.
 */
async function requirePageRole(path: string, allowed: (role: Role) => boolean): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!allowed(user.role)) notFound();
  return user;
}

/** For instructor pages: the signed-in instructor or admin (see requirePageRole). */
export function requireStaffPage(path: string): Promise<SessionUser> {
  return requirePageRole(path, isStaff);
}

/** For admin pages (the outbox): the signed-in admin (see requirePageRole). */
export function requireAdminPage(path: string): Promise<SessionUser> {
  return requirePageRole(path, (role) => role === "admin");
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
