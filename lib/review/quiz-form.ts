import "server-only";
import { z } from "zod";
import { currentLearnerId } from "@/lib/auth/identity";
import { dueByItem } from "@/lib/cards/cards";
import { SlugSchema } from "@/lib/content/slug";
import { findLearnerAttempt } from "@/lib/quiz/attempts";
import { ADD_TO_REVIEW_FIELD, ATTEMPT_FIELD } from "@/lib/quiz/form-fields";
import type { QuizFormState, ReviewAdded } from "@/lib/quiz/form-write";
import { findQuiz } from "@/lib/quiz/lookup";
import { attemptShown } from "@/lib/quiz/writes";
import { addToReview } from "./writes";

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
 * the review's one write (./writes.ts: the same as the button's with JavaScript); then
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
  const shown = ShownAttemptSchema.safeParse({ course, lesson, quizId, attemptId: field(ATTEMPT_FIELD) });
  const learnerId = shown.success ? await currentLearnerId() : null;
  if (!shown.success || !learnerId)
    return { ok: false, message: GONE, status: 404, review: { questionId, result: added, inReview: {} } };
  const k = shown.data;
  const [found, stored, inReview] = await Promise.all([
    findQuiz(k.course, k.lesson, k.quizId),
    findLearnerAttempt({ learnerId, ...k }),
    dueByItem(learnerId, { kind: "quiz", course: k.course, lesson: k.lesson, sourceId: k.quizId }),
  ]);
  const review: ReviewAdded = { questionId, result: added, inReview };
  if (!found || !stored || stored.attempt.quizVersion !== found.version)
    return { ok: false, message: GONE, status: 404, review };
  const data = await attemptShown(
    { learnerId, ...k, version: found.version, quiz: found.quiz },
    // Shown again, not sent again: the page says nothing of a repeated submission.
    { attempt: stored.attempt, created: true },
  );
  return { ok: true, data, answers: stored.answers, review };
}
