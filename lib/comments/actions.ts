"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { SlugSchema } from "@/lib/content/slug";
import { noticeFor } from "./notices";
import {
  dismissWrite,
  editWrite,
  hideWrite,
  postWrite,
  previewWrite,
  removeWrite,
  reportWrite,
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
  if (result.ok) redirect(`${base}#comment-${result.data.id}`);
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

/** Hides or unhides a comment (moderators only). */
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

/** Reports someone else's comment to the moderators. */
export async function reportCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return reportWrite(form);
}
