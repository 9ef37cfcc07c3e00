import "server-only";
import { z } from "zod";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getLessonEntry } from "@/lib/content/catalog";
import { setLessonComplete } from "@/lib/progress/progress";
import { recordAttempt, submissionOwner } from "@/lib/quiz/attempts";
import { type GradeResult, gradeQuiz, validateAnswers } from "@/lib/quiz/grade";
import { findQuiz } from "@/lib/quiz/lookup";
import { QuizSubmissionSchema } from "@/lib/quiz/submission";

// The learner writes of a lesson page, shared by its server actions and the JSON API
// (app/api/learner/*) so both go through the same pipeline.

export type QuizActionData = { result: GradeResult; attemptId: string; version: string; repeated: boolean };

/** Grades a quiz against the server's copy and records the attempt once per submission id. */
export const submitQuiz = defineWrite({
  schema: QuizSubmissionSchema,
  rateLimits: [perLearner("quizSubmit")],
  async authorize(ctx, input) {
    // A replayed submission of someone else's is refused here, before anything is stored (not
    // even a learner for this browser).
    const owner = await submissionOwner(input.submissionId);
    if (owner !== null && owner !== ctx.learnerId)
      throw new ActionError(
        "This submission was already recorded for someone else; reload the page",
        undefined,
        409,
      );
    const found = await findQuiz(input.course, input.lesson, input.quizId);
    if (!found)
      throw new ActionError(
        "This quiz does not exist (it may have been removed); reload the page",
        undefined,
        404,
      );
    if (found.version !== input.version) {
      throw new ActionError(
        "This quiz was updated since you opened the page. Reload to get the new version; nothing was saved.",
        undefined,
        409,
      );
    }
    const problems = validateAnswers(found.quiz, input.answers as Record<string, never>);
    if (problems.length > 0) {
      throw new ActionError(
        problems.length === 1 ? problems[0]!.message : `${problems.length} questions need an answer or a fix`,
        Object.fromEntries(problems.map((p) => [p.questionId, p.message])),
      );
    }
  },
  async write(ctx, input): Promise<QuizActionData> {
    const found = await findQuiz(input.course, input.lesson, input.quizId);
    if (!found) throw new ActionError("This quiz does not exist");
    const answers = input.answers as Parameters<typeof gradeQuiz>[1];
    const result = gradeQuiz(found.quiz, answers);
    const learnerId = await ctx.learner();
    const stored = await recordAttempt({
      learnerId,
      submissionId: input.submissionId,
      course: input.course,
      lesson: input.lesson,
      quizId: input.quizId,
      quizVersion: found.version,
      answers,
      result,
    });
    if ("conflict" in stored)
      throw new ActionError("This submission was already recorded for someone else; reload the page");
    return {
      result: stored.attempt.result,
      attemptId: stored.attempt.id,
      version: found.version,
      repeated: !stored.created,
    };
  },
});

export const CompleteSchema = z.object({
  course: z.string().regex(/^[a-z0-9-]{1,80}$/),
  lesson: z.string().regex(/^[a-z0-9-]{1,80}$/),
  complete: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Marks a lesson complete or not complete for this learner. */
export const markComplete = defineWrite({
  schema: CompleteSchema,
  rateLimits: [perLearner("progressWrite")],
  authorize(_ctx, input) {
    if (!getLessonEntry(input.course, input.lesson))
      throw new ActionError("This lesson does not exist", undefined, 404);
  },
  async write(ctx, input) {
    const completedAt = await setLessonComplete(
      { learnerId: await ctx.learner(), course: input.course, lesson: input.lesson },
      input.complete,
    );
    return { completed: Boolean(completedAt) };
  },
});
