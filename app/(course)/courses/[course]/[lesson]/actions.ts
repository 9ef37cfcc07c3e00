"use server";

import { formFields } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { markComplete, type QuizActionData, submitQuiz } from "@/lib/progress/lesson-writes";
import { QUIZ_FIELDS } from "@/lib/quiz/submission";

export type { QuizActionData };

/** Grades a quiz on the server and records the attempt once per submission id. */
export async function submitQuizAction(_prev: ActionResult<QuizActionData> | null, form: FormData) {
  return submitQuiz(formFields(form, QUIZ_FIELDS));
}

/** Marks a lesson complete or not complete for this browser's learner. */
export async function markCompleteAction(_prev: ActionResult<{ completed: boolean }> | null, form: FormData) {
  return markComplete(formFields(form, ["course", "lesson", "complete"]));
}
