"use server";

import type { ActionResult } from "@/lib/actions/result";
import { followDiscussion, saveNotificationSettings, unsubscribeWithToken } from "./writes";

/** The account page's notification settings (checkboxes: present means on). */
export async function saveNotificationSettingsAction(
  _prev: ActionResult<{ saved: boolean }> | null,
  form: FormData,
) {
  return saveNotificationSettings(form);
}

/** Follows or unfollows a lesson's discussion (the toggle beside the thread, or the account page). */
export async function followDiscussionAction(
  _prev: ActionResult<{ following: boolean }> | null,
  form: FormData,
) {
  return followDiscussion(form);
}

/** The unsubscribe page's button. */
export async function unsubscribeAction(_prev: ActionResult<{ list: string }> | null, form: FormData) {
  return unsubscribeWithToken(form);
}
