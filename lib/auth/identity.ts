import "server-only";
import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { db, direct } from "@/lib/db";
import { col, sql } from "@/lib/db/sql";
import { siteUrl } from "@/lib/env";
import { getSecret } from "@/lib/secret";
import { signId, verifySignedId } from "./signed-id";

export const LEARNER_COOKIE = "lectern_learner";
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The anonymous learner this browser's signed cookie names (no database query), or null. */
export async function anonymousLearnerId(): Promise<string | null> {
  const jar = await cookies();
  return verifySignedId(jar.get(LEARNER_COOKIE)?.value, await getSecret());
}

/**
 * `id` if it names an anonymous learner, else null: a cookie whose learner has been claimed by
 * an account (at sign-in) or deleted reads and writes nothing, however many copies of it exist.
 */
export async function knownAnonymousLearner(id: string | null): Promise<string | null> {
  if (!id) return null;
  // On the adapter: every learner write asks this first (lib/db/sql.ts, decision 035).
  const rows = await direct.query(sql`SELECT "id" FROM "Learner" WHERE "id" = ${id} AND "userId" IS NULL`, {
    id: col.text,
  });
  return rows[0]?.id ?? null;
}

/**
 * The learner of this request: the signed-in account's learner, else the anonymous one named
 * by the browser's signed cookie (if it is still anonymous); or null when there is none yet.
 */
export async function currentLearnerId(): Promise<string | null> {
  const user = await getSessionUser();
  if (user) {
    const rows = await direct.query(sql`SELECT "id" FROM "Learner" WHERE "userId" = ${user.id}`, {
      id: col.text,
    });
    return rows[0]?.id ?? null;
  }
  return knownAnonymousLearner(await anonymousLearnerId());
}

/**
 * The learner for a write, created on the first write: the account's learner when signed
 * in, else an anonymous learner with a signed, httpOnly cookie. Only writes call this, so
 * merely viewing pages never creates a row.
 */
export async function ensureLearner(): Promise<string> {
  const user = await getSessionUser();
  if (user) {
    const row = await db.learner.upsert({
      where: { userId: user.id },
      create: { userId: user.id },
      update: {},
      select: { id: true },
    });
    return row.id;
  }
  const existing = await knownAnonymousLearner(await anonymousLearnerId());
  if (existing) return existing;
  const learner = await db.learner.create({ data: {}, select: { id: true } });
  const jar = await cookies();
  jar.set(LEARNER_COOKIE, signId(learner.id, await getSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: siteUrl().startsWith("https://"),
    path: "/",
    maxAge: ONE_YEAR,
  });
  return learner.id;
}

/** Forgets this browser's anonymous learner (after it moved into an account, or on sign-out). */
export async function clearLearnerCookie() {
  (await cookies()).delete(LEARNER_COOKIE);
}
