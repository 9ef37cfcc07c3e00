import "server-only";
import { z } from "zod";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getCourse } from "@/lib/content/catalog";
import { resetCourseProgress } from "@/lib/progress/progress";

// Resetting a course's progress from /progress (the server action is a thin wrapper).

const ResetSchema = z.object({
  course: z.string().regex(/^[a-z0-9-]{1,80}$/, "Unknown course"),
  confirm: z.literal("reset", { message: 'Type "reset" to confirm' }),
});

export const resetProgress = defineWrite({
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
