import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError } from "@/lib/actions/result";
import { isStaff, toRole } from "@/lib/auth/roles";
import { db, direct } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import { sql } from "@/lib/db/sql";
import { renderCommentMarkdown } from "./markdown";
import { type Actor, can } from "./permissions";

/** The deepest reply level: 0 top-level, 1 reply, 2 reply to a reply. */
export const MAX_DEPTH = 2;

export type CommentView = {
  id: string;
  parentId: string | null;
  author: { name: string; instructor: boolean } | null;
  html: string;
  deleted: boolean;
  hidden: boolean;
  reported: boolean;
  createdAt: string;
  editedAt: string | null;
  /** The Markdown source, only for the author (to edit it). */
  body?: string;
  can: { reply: boolean; edit: boolean; delete: boolean; hide: boolean; unhide: boolean; report: boolean };
  replies: CommentView[];
};

export type Thread = { count: number; comments: CommentView[] };
export type ThreadOrder = "newest" | "oldest";

const select = {
  id: true,
  parentId: true,
  authorId: true,
  body: true,
  html: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  author: { select: { name: true, role: true } },
} as const;

type Row = Prisma.CommentGetPayload<{ select: typeof select }>;

/**
 * A lesson's thread as this actor may see it: hidden comments (and what hangs under them)
 * only for moderators, deleted comments only where replies still need them, and for every
 * comment the actions this actor may take. Top level sorted by the learner's choice; replies
 * always oldest first so conversations read in order.
 */
export async function getThread(
  course: string,
  lesson: string,
  actor: Actor,
  order: ThreadOrder = "oldest",
): Promise<Thread> {
  const rows = await db.comment.findMany({
    where: { courseSlug: course, lessonSlug: lesson },
    select,
    orderBy: { createdAt: "asc" },
  });
  const staff = isStaff(actor?.role);
  const reported = actor
    ? new Set(
        (
          await db.commentReport.findMany({
            where: { reporterId: actor.id, comment: { courseSlug: course, lessonSlug: lesson } },
            select: { commentId: true },
          })
        ).map((r) => r.commentId),
      )
    : new Set<string>();
  const children = new Map<string | null, Row[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  let count = 0;
  const build = (row: Row): CommentView | null => {
    if (row.hiddenAt && !staff) return null;
    const replies = (children.get(row.id) ?? []).map(build).filter((c): c is CommentView => c !== null);
    if (row.deletedAt && replies.length === 0) return null;
    if (!row.deletedAt) count++;
    const facts = { authorId: row.authorId, deletedAt: row.deletedAt, hiddenAt: row.hiddenAt };
    const own = actor !== null && row.authorId === actor.id;
    return {
      id: row.id,
      parentId: row.parentId,
      author:
        row.deletedAt || !row.author
          ? null
          : { name: row.author.name, instructor: isStaff(toRole(row.author.role)) },
      html: row.deletedAt ? "" : row.html,
      deleted: Boolean(row.deletedAt),
      hidden: Boolean(row.hiddenAt),
      reported: reported.has(row.id),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      ...(own && !row.deletedAt ? { body: row.body } : {}),
      can: {
        reply: can(actor, "reply", facts),
        edit: can(actor, "edit", facts),
        delete: can(actor, "delete", facts),
        hide: can(actor, "hide", facts),
        unhide: can(actor, "unhide", facts),
        report: can(actor, "report", facts) && !reported.has(row.id),
      },
      replies,
    };
  };
  const top = (children.get(null) ?? []).map(build).filter((c): c is CommentView => c !== null);
  if (order === "newest") top.reverse();
  return { count, comments: top };
}

/** The facts permissions need about one comment, or null. */
export function findComment(id: string) {
  return db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      authorId: true,
      deletedAt: true,
      hiddenAt: true,
      depth: true,
      parentId: true,
      courseSlug: true,
      lessonSlug: true,
    },
  });
}

/**
 * Stores a new comment (or reply) once per submission id and returns its id. A reply to a
 * reply at the deepest level joins that conversation instead of nesting further.
 */
export async function createComment(input: {
  authorId: string;
  course: string;
  lesson: string;
  /** The comment replied to, as the authorize step found it; null for a new thread. */
  parent: { id: string; depth: number; parentId: string | null } | null;
  body: string;
  submissionId: string;
}): Promise<{ id: string; created: boolean }> {
  const { parent } = input;
  let parentId = parent?.id ?? null;
  let depth = parent ? parent.depth + 1 : 0;
  if (parent && depth > MAX_DEPTH) {
    parentId = parent.parentId;
    depth = MAX_DEPTH;
  }
  const id = newId();
  // One statement on the PrismaClient's adapter (lib/db/sql.ts; Prisma plans every write anew). ON CONFLICT DO NOTHING: a
  // submission id already used (a double click, a replay, or the same post racing itself)
  // stores nothing and answers with the comment it made.
  const inserted = await direct.execute(sql`
    INSERT INTO "Comment" ("id", "courseSlug", "lessonSlug", "authorId", "parentId", "depth", "body",
      "html", "submissionId", "createdAt")
    VALUES (${id}, ${input.course}, ${input.lesson}, ${input.authorId}, ${parentId}, ${depth},
      ${input.body}, ${renderCommentMarkdown(input.body)}, ${input.submissionId}, ${new Date()})
    ON CONFLICT ("submissionId") DO NOTHING`);
  if (inserted > 0) return { id, created: true };
  const existing = await db.comment.findUnique({
    where: { submissionId: input.submissionId },
    select: { id: true, authorId: true },
  });
  if (!existing || existing.authorId !== input.authorId)
    throw new ActionError("This form was already used; reload the page and try again.");
  return { id: existing.id, created: false };
}

/** Replaces a comment's text (the caller has checked that the actor is its author). */
export async function editComment(id: string, body: string) {
  await db.comment.update({
    where: { id },
    data: { body, html: renderCommentMarkdown(body), editedAt: new Date() },
  });
}

/** Deletes a comment's text; it stays as "[deleted]" while replies hang under it. */
export async function deleteComment(id: string) {
  await db.comment.update({ where: { id }, data: { body: "", html: "", deletedAt: new Date() } });
}

/** Hides or unhides a comment for everyone but moderators; hiding resolves its reports. */
export async function setHidden(id: string, moderatorId: string, hidden: boolean) {
  const now = new Date();
  await db.$transaction([
    db.comment.update({
      where: { id },
      data: hidden ? { hiddenAt: now, hiddenById: moderatorId } : { hiddenAt: null, hiddenById: null },
    }),
    ...(hidden
      ? [
          db.commentReport.updateMany({
            where: { commentId: id, resolvedAt: null },
            data: { resolvedAt: now },
          }),
        ]
      : []),
  ]);
}

/** Records a report; reporting the same comment twice changes nothing. */
export async function reportComment(commentId: string, reporterId: string, reason: string) {
  await db.commentReport.upsert({
    where: { commentId_reporterId: { commentId, reporterId } },
    create: { commentId, reporterId, reason },
    update: {},
  });
}

/** Marks a comment's open reports as handled without hiding it. */
export async function dismissReports(commentId: string) {
  await db.commentReport.updateMany({
    where: { commentId, resolvedAt: null },
    data: { resolvedAt: new Date() },
  });
}

/** Every comment with an open report or hidden, across all lessons, for the moderation page. */
export async function moderationQueue() {
  return db.comment.findMany({
    where: {
      deletedAt: null,
      OR: [{ hiddenAt: { not: null } }, { reports: { some: { resolvedAt: null } } }],
    },
    select: {
      id: true,
      courseSlug: true,
      lessonSlug: true,
      html: true,
      body: true,
      createdAt: true,
      hiddenAt: true,
      author: { select: { id: true, name: true } },
      reports: { where: { resolvedAt: null }, select: { reason: true, createdAt: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** Blanks every comment of a user about to be deleted; replies by others stay readable. */
export async function anonymizeCommentsOf(userId: string) {
  await db.comment.updateMany({
    where: { authorId: userId },
    data: { body: "", html: "", deletedAt: new Date() },
  });
}

/** Visible comments per lesson of a course, for counts in lists. */
export async function commentCount(course: string, lesson: string): Promise<number> {
  return db.comment.count({
    where: { courseSlug: course, lessonSlug: lesson, deletedAt: null, hiddenAt: null },
  });
}
