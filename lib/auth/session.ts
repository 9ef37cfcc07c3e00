import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { direct } from "@/lib/db";
import { col, sql } from "@/lib/db/sql";
import { type Auth, getAuth } from "./auth";
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

/** A cookie header's values by name, decoded as better-call (better-auth's cookie layer) decodes them. */
function parseCookies(header: string): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    if (jar.has(name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.codePointAt(0) === 34) value = value.slice(1, -1);
    try {
      jar.set(name, value.includes("%") ? decodeURIComponent(value) : value);
    } catch {
      jar.set(name, value);
    }
  }
  return jar;
}

/**
 * The token of a session cookie signed with `secret`, as better-call's getSignedCookie checks it
 * (`token.base64(HMAC-SHA256(secret, token))`, compared in constant time), or null.
 */
export function verifiedToken(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  if (signature.length !== 44 || value.at(-1) !== "=") return null;
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return timingSafeEqual(signature, expected) ? token : null;
}

/**
 * The session's user in one raw statement, when better-auth's getSession would answer with it and
 * write nothing: a signed token naming an unexpired session that is not due for its daily refresh
 * (better-auth then moves the expiry and sets the cookie again), no "don't remember me" cookie
 * and no cookie-cache cookie (disabled here; getSession would clear it). Anything else — no row, an
 * expired session, a bad signature, a refresh — returns undefined: better-auth itself decides, so
 * its behaviour (cleanup, refresh, cookies) is unchanged. Its adapter's session-with-user query
 * costs several times this statement (Prisma compiles a plan for every query; decisions 033, 035).
 */
async function fastLookup(auth: Auth, cookies: Map<string, string>): Promise<SessionUser | undefined> {
  const context = await auth.$context;
  const names = context.authCookies;
  if (cookies.has(names.dontRememberToken.name)) return undefined;
  for (const name of cookies.keys()) if (name.startsWith(names.sessionData.name)) return undefined;
  const token = verifiedToken(cookies.get(names.sessionToken.name), context.secret);
  if (!token) return undefined;
  const [row] = await direct.query(
    sql`SELECT s."expiresAt", u."id", u."name", u."email", u."emailVerified", u."role", u."createdAt"
        FROM "Session" s JOIN "User" u ON u."id" = s."userId"
        WHERE s."token" = ${token}`,
    {
      expiresAt: col.date,
      id: col.text,
      name: col.text,
      email: col.text,
      emailVerified: col.bool,
      role: col.text,
      createdAt: col.date,
    },
  );
  if (!row) return undefined;
  const expiresAt = row.expiresAt.getTime();
  const { expiresIn, updateAge } = context.sessionConfig;
  const now = Date.now();
  if (expiresAt < now || expiresAt - expiresIn * 1000 + updateAge * 1000 <= now) return undefined;
  const { expiresAt: _expires, ...user } = row;
  return { ...user, role: toRole(user.role) };
}

async function lookup(requestHeaders: Headers): Promise<SessionUser | null> {
  const header = requestHeaders.get("cookie") ?? "";
  // No session cookie, no session: skip better-auth and the database entirely.
  if (!header.includes(SESSION_COOKIE)) return null;
  const auth = await getAuth();
  const fast = await fastLookup(auth, parseCookies(header));
  if (fast !== undefined) return fast;
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
