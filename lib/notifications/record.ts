import "server-only";
import { direct } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import { col, join, sql } from "@/lib/db/sql";
import { wakeSender } from "@/lib/mail/queue";
import { followOnFirstComment } from "./follows";

/**
 * What a new comment means for others' mail: its author now follows the discussion; the author
 * of the comment it answers gets a "reply" notification; everyone else following the discussion
 * gets a "followed" one. Whether and when a mail goes out is the digest's decision (settings,
 * verified address, MAIL_DIGEST_MINUTES), so this stays a couple of small writes.
 */
export async function recordCommentNotifications(comment: {
  id: string;
  authorId: string;
  course: string;
  lesson: string;
  /** The comment it answers, as the author chose it (before any re-parenting at the deepest level). */
  inReplyTo: string | null;
}): Promise<void> {
  await followOnFirstComment({ userId: comment.authorId, course: comment.course, lesson: comment.lesson });
  // On the PrismaClient's adapter (lib/db/sql.ts): every post asks these.
  const [parent, followers] = await Promise.all([
    comment.inReplyTo
      ? direct
          .query(sql`SELECT "authorId" FROM "Comment" WHERE "id" = ${comment.inReplyTo}`, {
            authorId: col.textOrNull,
          })
          .then((rows) => rows[0] ?? null)
      : null,
    direct.query(
      sql`SELECT "userId" FROM "DiscussionFollow"
          WHERE "courseSlug" = ${comment.course} AND "lessonSlug" = ${comment.lesson} AND "following" = ${true}`,
      { userId: col.text },
    ),
  ]);
  const recipients = new Map<string, "reply" | "followed">();
  for (const f of followers) recipients.set(f.userId, "followed");
  if (parent?.authorId) recipients.set(parent.authorId, "reply");
  recipients.delete(comment.authorId);
  if (recipients.size === 0) return;
  // One row per person and comment (unique): a replayed post adds nothing. One multi-row
  // statement however many follow the discussion (it was one upsert each).
  const at = new Date();
  const rows = [...recipients].map(
    ([userId, reason]) => sql`(${newId()}, ${userId}, ${comment.id}, ${reason}, ${at})`,
  );
  for (let i = 0; i < rows.length; i += 1000)
    await direct.execute(sql`
      INSERT INTO "Notification" ("id", "userId", "commentId", "reason", "createdAt")
      VALUES ${join(rows.slice(i, i + 1000))}
      ON CONFLICT ("userId", "commentId") DO NOTHING`);
  wakeSender();
}
