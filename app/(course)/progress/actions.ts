"use server";

import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { resetProgress } from "@/lib/progress/reset-write";

/** Deletes this browser's progress and quiz history in one course, after typed confirmation. */
export async function resetProgressAction(
  _prev: ActionResult<{ progress: number; attempts: number }> | null,
  form: FormData,
) {
  const result = await resetProgress(formFields(form, ["course", "confirm"]));
  if (result.ok) revalidatePath("/progress");
  return result;
}
