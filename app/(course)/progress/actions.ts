"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields } from "@/lib/actions/form";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError, type ActionResult } from "@/lib/actions/result";
import { getCourse } from "@/lib/content/catalog";
import { resetCourseProgress } from "@/lib/progress/progress";

const ResetSchema = z.object({
  course: z.string().regex(/^[a-z0-9-]{1,80}$/, "Unknown course"),
  confirm: z.literal("reset", { message: 'Type "reset" to confirm' }),
});

const reset = defineWrite({
  schema: ResetSchema,
  rateLimits: [perLearner("progressWrite")],
  authorize(ctx, input) {
    if (!getCourse(input.course)) throw new ActionError("Unknown course");
    if (!ctx.learnerId) throw new ActionError("There is no progress in this browser to reset");
  },
  async write(ctx, input) {
    // authorize() guarantees a known learner: resetting never creates one.
    return resetCourseProgress(ctx.learnerId!, input.course);
  },
});

/** Deletes this browser's progress and quiz history in one course, after typed confirmation. */
export async function resetProgressAction(
  _prev: ActionResult<{ progress: number; attempts: number }> | null,
  form: FormData,
) {
  const result = await reset(formFields(form, ["course", "confirm"]));
  if (result.ok) revalidatePath("/progress");
  return result;
}
