"use client";

// What a graded attempt shows: each question's verdict under it, and the score with what to do
// next. The quiz island (quiz-island.tsx) puts them in place.

import { Button, buttonClassName } from "@/components/ui/button";
import type { QuestionResult } from "@/lib/quiz/grade";
import type { QuizActionData } from "@/lib/quiz/writes";
import { InlineText } from "./inline-text";
import { useScripted } from "./question-input";
import { revealNote } from "./verdict";

/** Under a graded question: its verdict and points, and the explanation once it may be shown. */
export function QuestionFeedback({
  feedback,
  revealed,
  revealAfter,
}: {
  feedback: QuestionResult;
  revealed: boolean;
  revealAfter: number | undefined;
}) {
  return (
    <div
      className={`mt-3 rounded-md border-l-4 px-3 py-2 text-sm ${feedback.correct ? "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" : "border-red-600 bg-red-50 dark:bg-red-950/40"}`}
      data-result={feedback.correct ? "correct" : "incorrect"}
    >
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true">{feedback.correct ? "✓" : "✗"}</span>
        {feedback.correct ? "Correct" : "Incorrect"} ({feedback.points}/{feedback.maxPoints})
      </p>
      {feedback.explanation ? (
        <p className="mt-1">
          <InlineText text={feedback.explanation} />
        </p>
      ) : !feedback.correct && !revealed ? (
        <p className="mt-1 text-[var(--fg-muted)]">{revealNote(revealAfter)}</p>
      ) : null}
    </div>
  );
}

/** The score, pass or not, and how to try again (with or without JavaScript). */
export function ResultSummary({
  data,
  course,
  lesson,
  quizId,
  passPercent,
  revealAfter,
  resultRef,
  onTryAgain,
  onStartOver,
}: {
  data: QuizActionData;
  course: string;
  lesson: string;
  quizId: string;
  passPercent: number;
  revealAfter: number | undefined;
  resultRef: React.RefObject<HTMLDivElement | null>;
  onTryAgain: () => void;
  onStartOver: () => void;
}) {
  const { score, maxScore, percent, passed, revealed } = data.result;
  const scripted = useScripted();
  return (
    <div
      ref={resultRef}
      tabIndex={-1}
      role="status"
      className="quiz-result mt-6 rounded-lg border border-[var(--border)] bg-[var(--bg-soft)] p-4"
    >
      <p className="text-lg font-semibold">
        Your score: {score} of {maxScore} ({percent}%) —{" "}
        {passed ? "Passed" : `Not passed (pass mark ${passPercent}%)`}
      </p>
      <p className="mt-1 text-sm text-[var(--fg-muted)]">
        {passed
          ? data.progress.lessons[lesson]?.completed
            ? "This part is now marked complete."
            : "This part also asks you to pass its exercises before it is complete."
          : "Read the feedback above, then try again."}
        {!passed && !revealed ? ` ${revealNote(revealAfter)}` : ""}
        {data.repeated ? " (This submission had already been recorded; it was not counted twice.)" : ""}
      </p>
      {scripted ? null : (
        // Without JavaScript the buttons cannot start a new attempt: the lesson opens the quiz empty.
        <p className="mt-3">
          <a
            href={`/courses/${course}/${lesson}#quiz-${quizId}-title`}
            className={buttonClassName({ variant: "secondary" })}
          >
            Take the quiz again
          </a>
        </p>
      )}
      <div className={scripted ? "mt-3 flex flex-wrap items-center gap-3" : "hidden"}>
        <Button type="button" onClick={onTryAgain} variant="secondary">
          Try again
        </Button>
        <Button type="button" onClick={onStartOver} variant="secondary">
          Start over
        </Button>
        <span className="text-sm text-[var(--fg-muted)]">
          Try again keeps your answers to change; Start over clears them.
        </span>
      </div>
    </div>
  );
}
