import "server-only";
import { db, direct } from "@/lib/db";
import { col, sql } from "@/lib/db/sql";

/** What a moderator did to an author rather than to one comment. */
export const AUTHOR_ACTIONS = ["hide-all", "suspend", "lift"] as const;
export type AuthorAction = (typeof AUTHOR_ACTIONS)[number];

/** An author as the moderation page shows them: suspended or not, and what was done, newest first. */
export type AuthorStanding = {
  id: string;
  name: string;
  postingSuspendedAt: Date | null;
  history: { action: AuthorAction; moderator: string | null; comments: number; createdAt: Date }[];
};

/** The people a moderator may act on: any account but their own. */
export async function findAuthor(id: string) {
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, postingSuspendedAt: true } });
}

/** Whether this account may not post, reply or edit comments now. */
export async function isPostingSuspended(userId: string): Promise<boolean> {
  // On the PrismaClient's adapter: every post, reply and edit asks this (lib/db/sql.ts; 027, 035).
  const rows = await direct.query(
    sql`SELECT "postingSuspendedAt" IS NOT NULL AS "suspended" FROM "User" WHERE "id" = ${userId}`,
    { suspended: col.bool },
  );
  return rows[0]?.suspended ?? false;
}

/** Hides every visible comment of an author, and records who did it, when, and how many. */
export async function hideAllCommentsOf(authorId: string, moderatorId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.comment.updateMany({
      where: { authorId, hiddenAt: null, deletedAt: null },
      data: { hiddenAt: now, hiddenById: moderatorId },
    });
    await tx.authorModeration.create({
      data: { authorId, moderatorId, action: "hide-all", comments: count, createdAt: now },
    });
    return count;
  });
}

/** Suspends (or lifts the suspension of) an author's posting, and records who did it and when. */
export async function setPostingSuspended(authorId: string, moderatorId: string, suspended: boolean) {
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({ where: { id: authorId }, data: { postingSuspendedAt: suspended ? now : null } });
    await tx.authorModeration.create({
      data: { authorId, moderatorId, action: suspended ? "suspend" : "lift", createdAt: now },
    });
  });
}

const HISTORY = 5;

/**
 * The standing of each author (their suspension and their last few moderation records) for the
 * moderation page, plus every author suspended now whether or not they have a queued comment.
 */
export async function authorStandings(authorIds: string[]): Promise<Map<string, AuthorStanding>> {
  const users = await db.user.findMany({
    where: { OR: [{ id: { in: authorIds } }, { postingSuspendedAt: { not: null } }] },
    select: {
      id: true,
      name: true,
      postingSuspendedAt: true,
      authorModerations: {
        // Two actions in the same millisecond: cuids grow with time and a counter.
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: HISTORY,
        select: { action: true, comments: true, createdAt: true, moderator: { select: { name: true } } },
      },
    },
    take: 500,
  });
  return new Map(
    users.map((u) => [
      u.id,
      {
        id: u.id,
        name: u.name,
        postingSuspendedAt: u.postingSuspendedAt,
        history: u.authorModerations.map((m) => ({
          action: m.action as AuthorAction,
          moderator: m.moderator?.name ?? null,
          comments: m.comments,
          createdAt: m.createdAt,
        })),
      },
    ]),
  );
}
