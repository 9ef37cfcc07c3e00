"use server";

import { ADD_TO_REVIEW_FIELD } from "./form-fields";
import { addToReviewFromQuizForm } from "./form-review";
import { type QuizFormState, submitQuizForm } from "./form-write";

/**
 * The quiz form without JavaScript: grades it on the server and records the attempt once; or,
 * sent by a graded question's "Add to review" button, adds that question to the learner's review
 * and shows the graded attempt again (./form-review.ts).
 */
export async function submitQuizAction(_prev: QuizFormState | null, form: FormData): Promise<QuizFormState> {
  if (form.has(ADD_TO_REVIEW_FIELD)) return addToReviewFromQuizForm(form);
  return submitQuizForm(form);
}
