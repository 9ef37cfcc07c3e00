// The discussion's writes, shared by the server actions and the JSON API (/api/comments).
import "server-only";

import { defineWrite, perUser, requireUser, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { isStaff } from "@/lib/auth/roles";
import {
  findAuthor,
  hideAllCommentsOf,
  isPostingSuspended,
  setPostingSuspended,
} from "@/lib/comments/author-moderation";
import {
  CONFIRM_TO_POST,
  type CommentAction,
  can,
  POSTING_SUSPENDED,
  toActor,
} from "@/lib/comments/permissions";
import {
  createComment,
  deleteComment,
  dismissReports,
  editComment,
  findComment,
  reportComment,
  setHidden,
} from "@/lib/comments/queries";
import {
  AuthorIdSchema,
  CommentIdSchema,
  EditCommentSchema,
  HideCommentSchema,
  PostCommentSchema,
  PreviewCommentSchema,
  ReportCommentSchema,
  SuspendPostingSchema,
} from "@/lib/comments/schemas";
import { getLessonEntry } from "@/lib/content/catalog";
import { recordCommentNotifications } from "@/lib/notifications/record";
import { renderCommentMarkdown } from "./markdown";

const DAY = 24 * 60 * 60 * 1000;

/** The signed-in user, and the same person as the permission rules see them (confirmed or not). */
function actor(ctx: WriteContext) {
  const { user } = requireUser(ctx, "Sign in to take part in the discussion.");
  return { user, who: toActor(user) };
}

/** Loads the comment and checks that the session's user may do `action` to it; hands both on. */
async function authorizeOn(ctx: WriteContext, id: string, action: CommentAction) {
  const { user, who } = actor(ctx);
  if ((action === "reply" || action === "report") && !who.verified)
    throw new ActionError(CONFIRM_TO_POST, undefined, 403);
  const comment = await findComment(id);
  if (!comment || (comment.hiddenAt && !can(who, "seeHidden")))
    throw new ActionError("This comment no longer exists.", undefined, 404);
  if (!can(who, action, comment))
    throw new ActionError("You cannot do that to this comment.", undefined, 403);
  return { user, comment };
}

/** A suspended author reads the discussion but does not post, reply or edit. */
async function refuseIfSuspended(userId: string) {
  if (await isPostingSuspended(userId)) throw new ActionError(POSTING_SUSPENDED, undefined, 403);
}

/** Posts a comment or reply. */
export const postWrite = defineWrite({
  name: "comments.post",
  schema: PostCommentSchema,
  rateLimits: [
    // New accounts get the stricter policy, as Discourse does for new users.
    {
      policy: "commentPostNew",
      subject: (ctx) => (ctx.user && Date.now() - ctx.user.createdAt.getTime() < DAY ? ctx.user.id : null),
    },
    { policy: "commentPost", subject: (ctx) => ctx.user?.id ?? null },
  ],
  async authorize(ctx, input) {
    const { user, who } = actor(ctx);
    if (!who.verified) throw new ActionError(CONFIRM_TO_POST, undefined, 403);
    await refuseIfSuspended(user.id);
    if (!getLessonEntry(input.course, input.lesson)) throw new ActionError("This lesson does not exist.");
    if (input.website) throw new ActionError("Your comment could not be posted.");
    if (!input.parentId) {
      if (!can(who, "post")) throw new ActionError("You cannot post here.");
      return { user, parent: null };
    }
    const { comment: parent } = await authorizeOn(ctx, input.parentId, "reply");
    if (parent.courseSlug !== input.course || parent.lessonSlug !== input.lesson)
      throw new ActionError("You cannot reply to that here.");
    return { user, parent };
  },
  async write(ctx, input) {
    const result = await createComment({
      authorId: ctx.user.id,
      course: input.course,
      lesson: input.lesson,
      parent: ctx.parent,
      body: input.body,
      submissionId: input.submissionId,
    });
    if (result.created)
      await recordCommentNotifications({
        id: result.id,
        authorId: ctx.user.id,
        course: input.course,
        lesson: input.lesson,
        inReplyTo: ctx.parent?.id ?? null,
      });
    return result;
  },
});

/**
 * Renders a comment as posting it would store it: the same schema (trim, limits, control
 * characters) and the same renderer as createComment. Nothing is written but the rate-limit count;
 * it goes through the pipeline so only signed-in learners can use the server's renderer, at a pace.
 */
export const previewWrite = defineWrite({
  name: "comments.preview",
  schema: PreviewCommentSchema,
  rateLimits: [perUser("commentPreview")],
  authorize: (ctx) => actor(ctx),
  async write(_ctx, input) {
    return { html: renderCommentMarkdown(input.body) };
  },
});

/** Edits one's own comment. */
export const editWrite = defineWrite({
  name: "comments.edit",
  schema: EditCommentSchema,
  rateLimits: [perUser("commentEdit")],
  async authorize(ctx, input) {
    const found = await authorizeOn(ctx, input.id, "edit");
    await refuseIfSuspended(found.user.id);
    return found;
  },
  async write(ctx, input) {
    await editComment(ctx.comment.id, input.body);
    return { id: ctx.comment.id };
  },
});

/** Deletes a comment (author or moderator). */
export const removeWrite = defineWrite({
  name: "comments.delete",
  schema: CommentIdSchema,
  rateLimits: [perUser("commentEdit")],
  authorize: (ctx, input) => authorizeOn(ctx, input.id, "delete"),
  async write(ctx) {
    await deleteComment(ctx.comment.id);
    return { id: ctx.comment.id };
  },
});

/** Hides or unhides a comment (moderators). */
export const hideWrite = defineWrite({
  name: "comments.hide",
  schema: HideCommentSchema,
  rateLimits: [perUser("moderate")],
  authorize: (ctx, input) => authorizeOn(ctx, input.id, input.hidden ? "hide" : "unhide"),
  async write(ctx, input) {
    await setHidden(ctx.comment.id, ctx.user.id, input.hidden);
    return { id: ctx.comment.id, hidden: input.hidden };
  },
});

/** Dismisses a comment's reports (moderators). */
export const dismissWrite = defineWrite({
  name: "comments.dismissReports",
  schema: CommentIdSchema,
  rateLimits: [perUser("moderate")],
  authorize: (ctx, input) => authorizeOn(ctx, input.id, "seeHidden"),
  async write(ctx) {
    await dismissReports(ctx.comment.id);
    return { id: ctx.comment.id };
  },
});

/** Reports someone else's comment. */
export const reportWrite = defineWrite({
  name: "comments.report",
  schema: ReportCommentSchema,
  rateLimits: [perUser("commentReport")],
  authorize: (ctx, input) => authorizeOn(ctx, input.id, "report"),
  async write(ctx, input) {
    await reportComment(ctx.comment.id, ctx.user.id, input.reason);
    return { id: ctx.comment.id };
  },
});

/** A moderator acting on someone else's account as an author: hands both on, or refuses. */
async function authorizeOnAuthor(ctx: WriteContext, id: string) {
  const { user } = actor(ctx);
  if (!isStaff(user.role)) throw new ActionError("Only instructors and admins moderate.", undefined, 403);
  const author = await findAuthor(id);
  if (!author) throw new ActionError("This account no longer exists.", undefined, 404);
  if (author.id === user.id) throw new ActionError("You cannot moderate your own account.", undefined, 403);
  return { user, author };
}

/** Hides every visible comment of an author, recording who and when (moderators). */
export const hideAllByAuthorWrite = defineWrite({
  name: "comments.hideAllByAuthor",
  schema: AuthorIdSchema,
  rateLimits: [perUser("moderate")],
  authorize: (ctx, input) => authorizeOnAuthor(ctx, input.authorId),
  async write(ctx) {
    const hidden = await hideAllCommentsOf(ctx.author.id, ctx.user.id);
    return { authorId: ctx.author.id, hidden };
  },
});

/** Suspends an author's posting or lifts the suspension, recording who and when (moderators). */
export const suspendPostingWrite = defineWrite({
  name: "comments.suspendPosting",
  schema: SuspendPostingSchema,
  rateLimits: [perUser("moderate")],
  authorize: (ctx, input) => authorizeOnAuthor(ctx, input.authorId),
  async write(ctx, input) {
    await setPostingSuspended(ctx.author.id, ctx.user.id, input.suspended);
    return { authorId: ctx.author.id, suspended: input.suspended };
  },
});
