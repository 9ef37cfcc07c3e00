import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { getAuth } from "./auth";
import { type Role, toRole } from "./roles";

export type SessionUser = { id: string; name: string; email: string; role: Role; createdAt: Date };

/**
 * The signed-in user of this request, with the role as the database has it now, or null.
 * Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the request first marks the caller as dynamic before anything touches the
  // database, so `next build` never tries to prerender a per-user page.
  const requestHeaders = await headers();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  return user ? { ...user, role: toRole(user.role) } : null;
});
