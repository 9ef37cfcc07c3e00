import "server-only";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import type { QuizDefinition } from "@/lib/content/quiz-schema";
import { completionRuleFor } from "@/lib/exercises/completion";
import {
  type CourseProgress,
  getCourseProgressAndHistory,
  type ProgressAndHistory,
} from "@/lib/progress/course-progress";
import { findAttempt, recordAttempt, type StoredAttempt } from "./attempts";
import { quizFormSubmissionId } from "./form-submission";
import { type GradeResult, gradeQuiz, mayReveal, validateAnswers, visibleResult } from "./grade";
import { findQuiz } from "./lookup";
import { QuizSubmissionSchema } from "./submission";

// The quiz's write, shared by the lesson page's server action and the JSON API
// (app/api/learner/quiz-attempts) so both go through the same pipeline.

export type QuizActionData = {
  /** The graded attempt as the learner may see it (see visibleResult: the key stays back until revealed). */
  result: GradeResult;
  attemptId: string;
  version: string;
  repeated: boolean;
  /** The learner's progress in the course after this attempt, so the page needs no second request. */
  progress: CourseProgress & { known: true };
};

/** Grades a quiz against the server's copy and records the attempt once per submission id. */
export const submitQuiz = defineWrite({
  name: "quiz.submit",
  schema: QuizSubmissionSchema,
  rateLimits: [perLearner("quizSubmit")],
  async authorize(ctx, input) {
    // A replayed submission of someone else's is refused here, before anything is stored (not
    // even a learner for this browser).
    const previous = input.submissionId ? await findAttempt(input.submissionId) : null;
    if (previous !== null && previous.learnerId !== ctx.learnerId)
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
    const problems = validateAnswers(found.quiz, input.answers);
    if (problems.length > 0) {
      throw new ActionError(
        problems.length === 1 ? problems[0]!.message : `${problems.length} questions need an answer or a fix`,
        Object.fromEntries(problems.map((p) => [p.questionId, p.message])),
      );
    }
    return { ...found, previous };
  },
  async write(ctx, input): Promise<QuizActionData> {
    const result = gradeQuiz(ctx.quiz, input.answers);
    const learnerId = await ctx.learner();
    const stored = await recordAttempt(
      {
        learnerId,
        // The form without JavaScript sends none: the server derives it (./form-submission.ts).
        submissionId:
          input.submissionId ??
          (await quizFormSubmissionId({ learnerId, ...input, version: ctx.version }, input.answers)),
        course: input.course,
        lesson: input.lesson,
        quizId: input.quizId,
        quizVersion: ctx.version,
        answers: input.answers,
        result,
        rule: await completionRuleFor(input.course, input.lesson),
      },
      input.submissionId ? ctx.previous : undefined,
    );
    if ("conflict" in stored)
      throw new ActionError("This submission was already recorded for someone else; reload the page");
    return attemptShown({ learnerId, ...input, version: ctx.version, quiz: ctx.quiz }, stored);
  },
});

/**
 * A stored attempt as the learner may see it: the result (the key held back until the reveal rule
 * allows it) and the course progress after it. One read for both: the progress the page shows and
 * the learner's record on this version, which decides (unless this attempt passed) whether the
 * answers are revealed. A new attempt's write transaction read them already (`read`); a repeated
 * submission, or an attempt shown again (lib/review/quiz-form.ts), reads them now.
 */
export async function attemptShown(
  k: {
    learnerId: string;
    course: string;
    lesson: string;
    quizId: string;
    version: string;
    quiz: QuizDefinition;
  },
  stored: { attempt: StoredAttempt; created: boolean; read?: ProgressAndHistory },
): Promise<QuizActionData> {
  const { progress, history } =
    stored.read ??
    (await getCourseProgressAndHistory(k.learnerId, k.course, {
      lesson: k.lesson,
      quizId: k.quizId,
      quizVersion: k.version,
    }));
  const reveal = stored.attempt.result.passed || mayReveal(k.quiz, history);
  return {
    result: visibleResult(stored.attempt.result, reveal),
    attemptId: stored.attempt.id,
    version: k.version,
    repeated: !stored.created,
    progress: { known: true, ...progress },
  };
}
