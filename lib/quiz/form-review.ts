import "server-only";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { currentLearnerId } from "@/lib/auth/identity";
import { SlugSchema } from "@/lib/content/slug";
import { addToReview } from "@/lib/review/writes";
import { findLearnerAttempt } from "./attempts";
import { ADD_TO_REVIEW_FIELD, ATTEMPT_FIELD } from "./form-fields";
import type { QuizFormState } from "./form-write";
import { findQuiz } from "./lookup";
import { attemptShown } from "./writes";

/** What the add answered, for the question whose button was pressed. */
export type ReviewAdded = { questionId: string; result: ActionResult<{ due: string }> };

const ShownAttemptSchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  quizId: SlugSchema,
  attemptId: z.string().regex(/^[a-z0-9]{10,40}$/i),
});

const GONE =
  "The graded attempt on this page could not be found (it may have been reset, or the quiz updated): take the quiz again.";

/**
 * "Add to review" beside a graded question, pressed without JavaScript. The button is a submit
 * button of the quiz's own form, so the post comes to the quiz's action, whose state the page is
 * rendered from (a second action would come back with the quiz empty). The question goes through
 * the review's one write (lib/review/writes.ts: the same as the button's with JavaScript); then
 * the attempt that was on screen is shown again, read back from what was stored (answers, grade,
 * what may be revealed), never from the post, with the add's answer beside the question. Sent
 * again (a reload), the card is the same one and keeps its schedule; the quiz is not submitted.
 */
export async function addToReviewFromQuizForm(form: FormData): Promise<QuizFormState> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const [course, lesson, quizId] = [field("course"), field("lesson"), field("quizId")];
  const questionId = field(ADD_TO_REVIEW_FIELD) ?? "";
  const added = await addToReview({ course, lesson, quizId, questionId });
  const review: ReviewAdded = { questionId, result: added };
  const shown = ShownAttemptSchema.safeParse({ course, lesson, quizId, attemptId: field(ATTEMPT_FIELD) });
  const learnerId = shown.success ? await currentLearnerId() : null;
  if (!shown.success || !learnerId) return { ok: false, message: GONE, status: 404, review };
  const k = shown.data;
  const [found, stored] = await Promise.all([
    findQuiz(k.course, k.lesson, k.quizId),
    findLearnerAttempt({ learnerId, ...k }),
  ]);
  if (!found || !stored || stored.attempt.quizVersion !== found.version)
    return { ok: false, message: GONE, status: 404, review };
  const data = await attemptShown(
    { learnerId, ...k, version: found.version, quiz: found.quiz },
    // Shown again, not sent again: the page says nothing of a repeated submission.
    { attempt: stored.attempt, created: true },
  );
  return { ok: true, data, answers: stored.answers, review };
}
