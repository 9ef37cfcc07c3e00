"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { exercisePathOf } from "./paths";
import { requestHint, submitExercise } from "./writes";

/** What the form without JavaScript shows after a refused submission: why, and the Dockerfile as sent. */
export type ExerciseFormState = { message: string; source: string } | null;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The exercise form without JavaScript (its permalink is the exercise's own page): grades the
 * Dockerfile through the same write as the island, then shows the exercise with its result
 * (a redirect, so reloading does not submit again). A refusal answers with the message and the
 * Dockerfile as sent, which the textarea keeps: bad input loses nothing.
 */
export async function submitExerciseFormAction(
  _prev: ExerciseFormState,
  form: FormData,
): Promise<ExerciseFormState> {
  const result = await submitExercise(form);
  if (!result.ok) return { message: result.message, source: text(form, "source") };
  redirect(
    `${exercisePathOf(text(form, "course"), text(form, "lesson"), text(form, "exerciseId"))}?attempt=${encodeURIComponent(result.data.result.attemptId)}#exercise-result`,
  );
}

const AttemptId = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+$/);

/** "More hints" without JavaScript: records the request, then shows the exercise's attempt again with it. */
export async function requestHintFormAction(form: FormData): Promise<void> {
  const result = await requestHint(form);
  const attempt = AttemptId.safeParse(text(form, "attempt"));
  const query = new URLSearchParams();
  if (attempt.success) query.set("attempt", attempt.data);
  if (!result.ok) query.set("error", "hint");
  redirect(
    `${exercisePathOf(text(form, "course"), text(form, "lesson"), text(form, "exerciseId"))}?${query}#exercise-result`,
  );
}
