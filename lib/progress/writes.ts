import "server-only";
import { z } from "zod";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getCourse, getLessonEntry } from "@/lib/content/catalog";
import { SlugSchema } from "@/lib/content/slug";
import { recordVisit, resetCourseProgress, setLessonComplete } from "./progress";

// The learner's progress writes, shared by the server actions (./actions.ts) and the JSON API
// (app/api/learner/*) so both go through the same pipeline.

function requireLesson(input: { course: string; lesson: string }, message = "This lesson does not exist") {
  if (!getLessonEntry(input.course, input.lesson)) throw new ActionError(message, undefined, 404);
}

export const CompleteSchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  complete: z.boolean(),
});

/** Marks a lesson complete or not complete for this learner. */
export const markComplete = defineWrite({
  name: "progress.markComplete",
  schema: CompleteSchema,
  rateLimits: [perLearner("progressWrite")],
  authorize: (_ctx, input) => requireLesson(input),
  async write(ctx, input) {
    const completedAt = await setLessonComplete(
      { learnerId: await ctx.learner(), course: input.course, lesson: input.lesson },
      input.complete,
    );
    return { completed: Boolean(completedAt) };
  },
});

/** Deletes this learner's progress and quiz history in one course, after the typed word. */
export const resetProgress = defineWrite({
  name: "progress.reset",
  schema: z.object({
    course: SlugSchema,
    confirm: z.literal("reset", { message: 'Type "reset" to confirm' }),
  }),
  rateLimits: [perLearner("progressWrite")],
  authorize(ctx, input) {
    if (!getCourse(input.course)) throw new ActionError("Unknown course");
    // Resetting never creates a learner: there must be one already.
    if (!ctx.learnerId) throw new ActionError("There is no progress in this browser to reset");
    return { learnerId: ctx.learnerId };
  },
  write: async (ctx, input) => resetCourseProgress(ctx.learnerId, input.course),
});

export const VisitSchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  section: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, "must be a heading id")
    .nullable()
    .optional(),
});

/** Records "visited" and the section last read, for learners the server already knows. */
export const recordLessonVisit = defineWrite({
  name: "progress.visit",
  schema: VisitSchema,
  rateLimits: [perLearner("visit")],
  authorize: (_ctx, input) => requireLesson(input, "No such lesson"),
  async write(ctx, input) {
    // No row per crawler: a visit alone never creates a learner.
    if (!ctx.learnerId) return { recorded: false };
    await recordVisit({ learnerId: ctx.learnerId, ...input });
    return { recorded: true };
  },
});
