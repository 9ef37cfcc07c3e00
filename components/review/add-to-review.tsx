"use client";

import { startTransition, useActionState } from "react";
import { addToReviewAction } from "@/lib/review/actions";

type Props = { course: string; lesson: string; quizId: string; questionId: string; missed: boolean };

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });

/**
 * Beside a graded question: a missed one is already in the learner's review (the server put it
 * there with the attempt); any other can be added with one click. A button, not a form: it sits
 * inside the quiz's form.
 */
export function AddToReview({ missed, ...question }: Props) {
  const [state, addAction, pending] = useActionState(addToReviewAction, null);
  if (missed || state?.ok) {
    return (
      <p className="mt-2 text-sm text-[var(--fg-muted)]" data-in-review="">
        {state?.ok
          ? `Added to your review: it comes back ${dayFormat.format(new Date(state.data.due))}.`
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
        type="button"
        onClick={add}
        disabled={pending}
        className="rounded-md border border-[var(--border)] px-2 py-1 hover:bg-[var(--bg-soft)] disabled:opacity-60"
      >
        {pending ? "Adding…" : "Add to review"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {state.message}
        </span>
      ) : null}
    </p>
  );
}
