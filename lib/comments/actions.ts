"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { SlugSchema } from "@/lib/content/slug";
import { noticeFor } from "./notices";
import {
  dismissWrite,
  editWrite,
  hideAllByAuthorWrite,
  hideWrite,
  postWrite,
  previewWrite,
  removeWrite,
  reportWrite,
  suspendPostingWrite,
} from "./writes";

/** Posts a comment or reply (from the lesson page's thread). */
export async function postCommentAction(
  _prev: ActionResult<{ id: string; created: boolean }> | null,
  form: FormData,
) {
  return postWrite(form);
}

/**
 * The same, for the discussion page's plain forms: redirects back, so it works without
 * JavaScript. A failure travels as a notice code (lib/comments/notices.ts), never as text.
 */
export async function postCommentFormAction(form: FormData) {
  const result = await postWrite(form);
  const [course, lesson] = [form.get("course"), form.get("lesson")].map((v) => SlugSchema.safeParse(v).data);
  const base = course && lesson ? `/courses/${course}/${lesson}/discussion` : "/";
  if (result.ok) {
    // The answer is this same page at a new #fragment: with JavaScript the router would only
    // scroll, so ask for the page (which now holds the comment) to be rendered again.
    revalidatePath(base);
    redirect(`${base}#comment-${result.data.id}`);
  }
  redirect(`${base}?error=${noticeFor(result, form.get("body"))}#comment-form`);
}

/** Renders a comment as it would be stored, for the form's Preview tab. */
export async function previewCommentAction(form: FormData) {
  return previewWrite(form);
}

/** Edits one's own comment. */
export async function editCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return editWrite(form);
}

/** Deletes one's own comment, or any comment for a moderator. */
export async function deleteCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return removeWrite(form);
}

// Writes do not revalidate pages: in a server action, revalidatePath (or a changed cookie) makes
// Next render the whole current page into the answer. From a lesson that is tens of KB the
// thread never reads (it refetches itself), and seconds on a busy server while the form waits.
// Only the moderation queue, a server-rendered list, asks to be rendered again.

/** Hides or unhides a comment (moderators only) from the lesson's thread. */
export async function hideCommentAction(
  _prev: ActionResult<{ id: string; hidden: boolean }> | null,
  form: FormData,
) {
  return hideWrite(form);
}

/** Marks a comment's reports as handled without hiding it (moderators only). */
export async function dismissReportsAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return dismissWrite(form);
}

/** Hide/unhide from the moderation queue, which then shows the queue as it now is. */
export async function hideFromQueueAction(
  _prev: ActionResult<{ id: string; hidden: boolean }> | null,
  form: FormData,
) {
  const result = await hideWrite(form);
  if (result.ok) revalidatePath("/moderation");
  return result;
}

/** Dismisses reports from the moderation queue, which then shows the queue as it now is. */
export async function dismissFromQueueAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  const result = await dismissWrite(form);
  if (result.ok) revalidatePath("/moderation");
  return result;
}

/** Reports someone else's comment to the moderators. */
export async function reportCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return reportWrite(form);
}

/** Hides all of an author's comments from the moderation queue, which then shows them as hidden. */
export async function hideAllByAuthorAction(
  _prev: ActionResult<{ authorId: string; hidden: number }> | null,
  form: FormData,
) {
  const result = await hideAllByAuthorWrite(form);
  if (result.ok) revalidatePath("/moderation");
  return result;
}

/** Suspends an author's posting, or lifts it, from the moderation queue. */
export async function suspendPostingAction(
  _prev: ActionResult<{ authorId: string; suspended: boolean }> | null,
  form: FormData,
) {
  const result = await suspendPostingWrite(form);
  if (result.ok) revalidatePath("/moderation");
  return result;
}
