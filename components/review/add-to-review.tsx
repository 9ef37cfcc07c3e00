"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ADD_TO_REVIEW_FIELD } from "@/lib/quiz/form-fields";
import { addToReviewAction } from "@/lib/review/actions";
import { dueDay } from "@/lib/review/when";

type Props = {
  course: string;
  lesson: string;
  quizId: string;
  questionId: string;
  missed: boolean;
  /** What adding this question answered when the page came back from the form without JavaScript. */
  added?: ActionResult<{ due: string }> | null;
  /** The question's element id: the page without JavaScript comes back scrolled to it. */
  anchor: string;
};

/**
 * Beside a graded question: a missed one is already in the learner's review (the server put it
 * there with the attempt); any other can be added with one click. A button, not a form: it sits
 * inside the quiz's form. With JavaScript it calls the review's action; without, it is a submit
 * button of the quiz's form, naming its question (lib/review/quiz-form.ts), and the page comes
 * back graded with what the add answered.
 */
export function AddToReview({ missed, added = null, anchor, ...question }: Props) {
  const [state, addAction, pending] = useActionState(addToReviewAction, added);
  if (missed || state?.ok) {
    return (
      <p className="mt-2 text-sm text-[var(--fg-muted)]" data-in-review="">
        {state?.ok
          ? `Added to your review: it comes back on ${dueDay(new Date(state.data.due))}.`
          : "Missed questions go to your review and come back on a schedule."}{" "}
        <a href="/review">Open review</a>
      </p>
    );
  }
  const add = () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(question)) form.set(key, value);
    startTransition(() => addAction(form));
  };
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
      <button
        type="submit"
        name={ADD_TO_REVIEW_FIELD}
        value={question.questionId}
        // The same page, at this question: the post is the quiz form's, the answer lands here.
        formAction={`#${anchor}`}
        onClick={(e) => {
          e.preventDefault();
          add();
        }}
        disabled={pending}
        className="rounded-md border border-[var(--border)] px-2 py-1 hover:bg-[var(--bg-soft)] disabled:opacity-60"
      >
        {pending ? "Adding…" : "Add to review"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="min-w-0 text-red-700 dark:text-red-300">
          {state.message}
        </span>
      ) : null}
    </p>
  );
}
