"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { markComplete, resetProgress } from "./writes";

/** Marks a lesson complete or not complete for this browser's learner. */
export async function markCompleteAction(_prev: ActionResult<{ completed: boolean }> | null, form: FormData) {
  return markComplete(form);
}

/** Deletes this browser's progress and quiz history in one course, after typed confirmation. */
export async function resetProgressAction(
  _prev: ActionResult<{ progress: number; attempts: number }> | null,
  form: FormData,
) {
  const result = await resetProgress(form);
  if (result.ok) revalidatePath("/progress");
  return result;
}
