"use server";

import { redirect } from "next/navigation";
import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { noticeFor } from "@/lib/comments/notices";
import {
  dismissWrite,
  editWrite,
  hideWrite,
  POST_FIELDS,
  postWrite,
  removeWrite,
  reportWrite,
} from "@/lib/comments/writes";

/** Posts a comment or reply (from the lesson page's thread). */
export async function postCommentAction(
  _prev: ActionResult<{ id: string; created: boolean }> | null,
  form: FormData,
) {
  return postWrite(formFields(form, POST_FIELDS));
}
/**
 * The same, for the discussion page's plain forms: redirects back, so it works without
 * JavaScript. A failure travels as a notice code (lib/comments/notices.ts), never as text.
 */
export async function postCommentFormAction(form: FormData) {
  const fields = formFields(form, POST_FIELDS);
  const result = await postWrite(fields);
  const slug = /^[a-z0-9-]{1,80}$/;
  const base =
    slug.test(fields.course ?? "") && slug.test(fields.lesson ?? "")
      ? `/courses/${fields.course}/${fields.lesson}/discussion`
      : "/";
  if (result.ok) redirect(`${base}#comment-${result.data.id}`);
  redirect(`${base}?error=${noticeFor(result, fields.body)}#comment-form`);
}
/** Edits one's own comment. */
export async function editCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return editWrite(formFields(form, ["id", "body"]));
}
/** Deletes one's own comment, or any comment for a moderator. */
export async function deleteCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return removeWrite(formFields(form, ["id"]));
}
/** Hides or unhides a comment (moderators only). */
export async function hideCommentAction(
  _prev: ActionResult<{ id: string; hidden: boolean }> | null,
  form: FormData,
) {
  return hideWrite(formFields(form, ["id", "hidden"]));
}
/** Marks a comment's reports as handled without hiding it (moderators only). */
export async function dismissReportsAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return dismissWrite(formFields(form, ["id"]));
}
/** Reports someone else's comment to the moderators. */
export async function reportCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return reportWrite(formFields(form, ["id", "reason"]));
}
