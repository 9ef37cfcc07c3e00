"use server";

import { type QuizFormState, submitQuizForm } from "./form-write";

/** The quiz form without JavaScript: grades it on the server and records the attempt once. */
export async function submitQuizAction(_prev: QuizFormState | null, form: FormData): Promise<QuizFormState> {
  return submitQuizForm(form);
}
