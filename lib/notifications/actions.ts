"use server";

import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { FOLLOW_FIELDS, followDiscussion, saveNotificationSettings, unsubscribeWithToken } from "./writes";

/** The account page's notification settings (checkboxes: present means on). */
export async function saveNotificationSettingsAction(
  _prev: ActionResult<{ saved: boolean }> | null,
  form: FormData,
) {
  return saveNotificationSettings({
    replies: form.has("replies"),
    followed: form.has("followed"),
    courseDigests: form.getAll("courseDigest").filter((v): v is string => typeof v === "string"),
  });
}

/** Follows or unfollows a lesson's discussion (the toggle beside the thread, or the account page). */
export async function followDiscussionAction(
  _prev: ActionResult<{ following: boolean }> | null,
  form: FormData,
) {
  return followDiscussion(formFields(form, FOLLOW_FIELDS));
}

/** The unsubscribe page's button. */
export async function unsubscribeAction(_prev: ActionResult<{ list: string }> | null, form: FormData) {
  return unsubscribeWithToken(formFields(form, ["token"]));
}
