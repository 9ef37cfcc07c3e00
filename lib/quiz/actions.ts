"use server";

import type { ActionResult } from "@/lib/actions/result";
import { type QuizActionData, submitQuiz } from "./writes";

/** Grades a quiz on the server and records the attempt once per submission id. */
export async function submitQuizAction(_prev: ActionResult<QuizActionData> | null, form: FormData) {
  return submitQuiz(form);
}
