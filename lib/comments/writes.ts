// The discussion's writes, shared by the server actions and the JSON API (/api/comments).
import "server-only";

import { revalidatePath } from "next/cache";
import { defineWrite, perUser, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { CONFIRM_TO_POST, type CommentAction, can, toActor } from "@/lib/comments/permissions";
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
  CommentIdSchema,
  EditCommentSchema,
  HideCommentSchema,
  PostCommentSchema,
  ReportCommentSchema,
} from "@/lib/comments/schemas";
import { getLessonEntry } from "@/lib/content/catalog";
import { recordCommentNotifications } from "@/lib/notifications/record";

const DAY = 24 * 60 * 60 * 1000;

function actor(ctx: WriteContext) {
  const who = toActor(ctx.user);
  if (!who) throw new ActionError("Sign in to take part in the discussion.", undefined, 401);
  return who;
}

/** Loads the comment and checks that the session's user may do `action` to it. */
async function authorizeOn(ctx: WriteContext, id: string, action: CommentAction) {
  const who = actor(ctx);
  if ((action === "reply" || action === "report") && !who.verified)
    throw new ActionError(CONFIRM_TO_POST, undefined, 403);
  const comment = await findComment(id);
  if (!comment || (comment.hiddenAt && !can(who, "seeHidden")))
    throw new ActionError("This comment no longer exists.", undefined, 404);
  if (!can(who, action, comment))
    throw new ActionError("You cannot do that to this comment.", undefined, 403);
  return comment;
}

/** Posts a comment or reply. */
export const postWrite = defineWrite({
  schema: PostCommentSchema,
  async authorize(ctx, input) {
    const who = actor(ctx);
    if (!who.verified) throw new ActionError(CONFIRM_TO_POST, undefined, 403);
    if (!getLessonEntry(input.course, input.lesson)) throw new ActionError("This lesson does not exist.");
    if (input.website) throw new ActionError("Your comment could not be posted.");
    if (input.parentId) {
      const parent = await authorizeOn(ctx, input.parentId, "reply");
      if (parent.courseSlug !== input.course || parent.lessonSlug !== input.lesson)
        throw new ActionError("You cannot reply to that here.");
    } else if (!can(who, "post")) throw new ActionError("You cannot post here.");
  },
  rateLimits: [
    // New accounts get the stricter policy, as Discourse does for new users.
    {
      policy: "commentPostNew",
      subject: (ctx) => (ctx.user && Date.now() - ctx.user.createdAt.getTime() < DAY ? ctx.user.id : null),
    },
    { policy: "commentPost", subject: (ctx) => ctx.user?.id ?? null },
  ],
  async write(ctx, input) {
    const result = await createComment({
      authorId: ctx.user!.id,
      course: input.course,
      lesson: input.lesson,
      parentId: input.parentId ?? null,
      body: input.body,
      submissionId: input.submissionId,
    });
    if (result.created)
      await recordCommentNotifications({
        id: result.id,
        authorId: ctx.user!.id,
        course: input.course,
        lesson: input.lesson,
        inReplyTo: input.parentId ?? null,
      });
    revalidatePath(`/courses/${input.course}/${input.lesson}/discussion`);
    return result;
  },
});

export const POST_FIELDS = ["course", "lesson", "parentId", "body", "submissionId", "website"] as const;

/** Edits one's own comment. */
export const editWrite = defineWrite({
  schema: EditCommentSchema,
  authorize: async (ctx, input) => void (await authorizeOn(ctx, input.id, "edit")),
  rateLimits: [perUser("commentEdit")],
  async write(_ctx, input) {
    await editComment(input.id, input.body);
    return { id: input.id };
  },
});

/** Deletes a comment (author or moderator). */
export const removeWrite = defineWrite({
  schema: CommentIdSchema,
  authorize: async (ctx, input) => void (await authorizeOn(ctx, input.id, "delete")),
  rateLimits: [perUser("commentEdit")],
  async write(_ctx, input) {
    await deleteComment(input.id);
    return { id: input.id };
  },
});

/** Hides or unhides a comment (moderators). */
export const hideWrite = defineWrite({
  schema: HideCommentSchema,
  authorize: async (ctx, input) => void (await authorizeOn(ctx, input.id, input.hidden ? "hide" : "unhide")),
  rateLimits: [perUser("moderate")],
  async write(ctx, input) {
    await setHidden(input.id, ctx.user!.id, input.hidden);
    revalidatePath("/moderation");
    return { id: input.id, hidden: input.hidden };
  },
});

/** Dismisses a comment's reports (moderators). */
export const dismissWrite = defineWrite({
  schema: CommentIdSchema,
  authorize: async (ctx, input) => void (await authorizeOn(ctx, input.id, "seeHidden")),
  rateLimits: [perUser("moderate")],
  async write(_ctx, input) {
    await dismissReports(input.id);
    revalidatePath("/moderation");
    return { id: input.id };
  },
});

/** Reports someone else's comment. */
export const reportWrite = defineWrite({
  schema: ReportCommentSchema,
  authorize: async (ctx, input) => void (await authorizeOn(ctx, input.id, "report")),
  rateLimits: [perUser("commentReport")],
  async write(ctx, input) {
    await reportComment(input.id, ctx.user!.id, input.reason);
    revalidatePath("/moderation");
    return { id: input.id };
  },
});
