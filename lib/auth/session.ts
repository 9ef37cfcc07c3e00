import "server-only";
import { headers } from "next/headers";
import { getAuth } from "./auth";
import { type Role, toRole } from "./roles";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  /** Whether the address was confirmed by a link (lib/auth/verification.ts has the policy). */
  emailVerified: boolean;
  role: Role;
  createdAt: Date;
};

/** The session cookie's name (better-auth with the "lectern" cookie prefix). */
const SESSION_COOKIE = "lectern.session_token";

// One lookup per request, keyed by the request's headers object. React's cache() would do
// this in server components, but it is inactive in route handlers and the pipeline asks twice.
const perRequest = new WeakMap<object, Promise<SessionUser | null>>();

async function lookup(requestHeaders: Headers): Promise<SessionUser | null> {
  // No session cookie, no session: skip better-auth and the database entirely.
  if (!(requestHeaders.get("cookie") ?? "").includes(SESSION_COOKIE)) return null;
  const auth = await getAuth();
  // better-auth reads the session and its user from the database on every call (no cookie
  // cache, lib/auth/options.ts), role included (an additional field): the role is the database's
  // now, without a second lookup of the user.
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const u = session.user;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    emailVerified: u.emailVerified,
    role: toRole(u.role),
    createdAt: new Date(u.createdAt),
  };
}

/** The signed-in user of this request, with the role as the database has it now, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  // Reading the request first marks the caller as dynamic before anything touches the
  // database, so `next build` never tries to prerender a per-user page.
  const requestHeaders = await headers();
  let pending = perRequest.get(requestHeaders);
  if (!pending) {
    pending = lookup(requestHeaders as unknown as Headers);
    perRequest.set(requestHeaders, pending);
  }
  return pending;
}
