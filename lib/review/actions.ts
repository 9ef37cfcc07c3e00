"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { ANSWERED_ELSEWHERE, type ReviewErrorCode } from "./messages";
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
