"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { ADD_TO_REVIEW_FIELD } from "@/lib/quiz/form-fields";
import { type QuizFormState, submitQuizForm } from "@/lib/quiz/form-write";
import { ANSWERED_ELSEWHERE, type ReviewErrorCode } from "./messages";
import { addToReviewFromQuizForm } from "./quiz-form";
import { addToReview, answerReview } from "./writes";

/** Where a failed answer sends the page: a fixed code, never text from the request, in the URL. */
function errorCode(result: { status: number; message: string }): ReviewErrorCode {
  if (result.message === ANSWERED_ELSEWHERE) return "elsewhere";
  if (result.status === 409) return "changed";
  if (result.status === 404) return "gone";
  if (result.status === 429) return "busy";
  if (result.status === 400) return "answer";
  return "failed";
}

/**
 * Answers the card on /review, from a plain form (it works without JavaScript): the page then
 * shows the graded answer, read back from what was stored, so a reload shows it again.
 */
export async function answerReviewFormAction(form: FormData) {
  const result = await answerReview(form);
  if (result.ok) redirect(`/review?answered=${result.data.submissionId}`);
  redirect(`/review?error=${errorCode(result)}`);
}

/** Adds a quiz question to the learner's review (the control beside a graded question). */
export async function addToReviewAction(_prev: ActionResult<{ due: string }> | null, form: FormData) {
  return addToReview(form);
}

/**
 * A lesson quiz's form without JavaScript: grades it on the server and records the attempt once
 * (lib/quiz/form-write.ts); or, sent by a graded question's "Add to review" button, adds that
 * question to the learner's review and shows the graded attempt again (./quiz-form.ts). One
 * action for both, since the page comes back rendered from this form's one state. It lives here,
 * not in lib/quiz, because the review already builds on lib/quiz (no cycle between the two).
 */
export async function quizFormAction(_prev: QuizFormState | null, form: FormData): Promise<QuizFormState> {
  if (form.has(ADD_TO_REVIEW_FIELD)) return addToReviewFromQuizForm(form);
  return submitQuizForm(form);
}
