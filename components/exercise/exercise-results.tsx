"use client";

import { Button } from "@/components/ui/button";
import { requestHintFormAction } from "@/lib/exercises/actions";
import type { CheckView, ExerciseResultView } from "@/lib/exercises/view";

type Props = {
  result: ExerciseResultView;
  course: string;
  lesson: string;
  exerciseId: string;
  /** Moves the editor's cursor to a line (the island's editor, or the textarea without it). */
  onLine: (line: number) => void;
  /** Asks for the next hint of a check; absent without JavaScript (the form posts instead). */
  onMoreHints?: (check: CheckView) => void;
  /** The check whose hint request is in flight. */
  pendingHint: string | null;
  resultRef?: React.Ref<HTMLDivElement>;
  /** False until JavaScript runs: a line is then plain text (its button could not move anything). */
  interactive: boolean;
  /** A later submission was refused: this is the result of the one before. */
  stale: boolean;
};

/**
 * A graded attempt: the verdict, then every check passed or failed with its description, the
 * line it concerns (a button that moves the editor there), what was found, and the hints shown
 * so far with "More hints" while the author wrote more.
 */
export function ExerciseResults({
  result,
  onLine,
  onMoreHints,
  pendingHint,
  resultRef,
  interactive,
  stale,
  ...target
}: Props) {
  const failed = result.checks.filter((c) => !c.passed).length;
  return (
    <div
      ref={resultRef}
      tabIndex={-1}
      className="exercise-result mt-5"
      data-result={result.passed ? "passed" : "failed"}
    >
      <p
        className={`rounded-md border-l-4 px-3 py-2 font-semibold ${result.passed ? "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" : "border-red-600 bg-red-50 dark:bg-red-950/40"}`}
      >
        {stale ? "Last check — " : ""}
        {result.passed
          ? `Passed: all ${result.checks.length} checks hold.`
          : `Not yet: ${failed} of ${result.checks.length} checks failed.`}
        {result.completedLesson ? " This part is now marked complete." : ""}
        {result.repeated ? " (This submission had already been recorded; it was not counted twice.)" : ""}
      </p>
      <p className="mt-1 text-sm text-[var(--fg-muted)]">
        Attempt {result.attempts}
        {result.estimatedFinalMb !== null ? ` · estimated final image ${result.estimatedFinalMb} MB` : ""}
      </p>
      <ul className="mt-3 grid list-none gap-3 pl-0">
        {result.checks.map((check) => (
          <li
            key={check.id}
            data-check={check.id}
            data-passed={check.passed}
            className={`rounded-md border px-3 py-2 text-sm ${check.passed ? "border-emerald-600/40" : "border-red-600/50"}`}
          >
            <p className="flex items-baseline gap-x-2">
              <span
                aria-hidden="true"
                className={
                  check.passed ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"
                }
              >
                {check.passed ? "✓" : "✗"}
              </span>
              <span className="min-w-0">
                <span className="sr-only">{check.passed ? "Passed:" : "Failed:"}</span>
                <span className="font-medium">{check.description}</span>{" "}
                {check.line !== null && !interactive ? (
                  <span className="text-[var(--fg-muted)]">line {check.line}</span>
                ) : null}
                {check.line !== null && interactive ? (
                  <button
                    type="button"
                    className="text-[var(--link)] underline underline-offset-2"
                    onClick={() => onLine(check.line!)}
                    aria-label={`Go to line ${check.line} in the editor`}
                  >
                    line {check.line}
                  </button>
                ) : null}
              </span>
            </p>
            {check.detail ? <p className="mt-1 text-[var(--fg-muted)]">{check.detail}</p> : null}
            {!check.passed && check.hints.length > 0 ? (
              <div className="mt-2">
                <ol className="grid list-none gap-1 pl-0" aria-label={`Hints for: ${check.description}`}>
                  {check.hints.map((hint, i) => (
                    <li key={hint} className="rounded bg-[var(--bg-soft)] px-2 py-1">
                      <span className="font-medium">Hint {i + 1}: </span>
                      {hint}
                    </li>
                  ))}
                </ol>
                {check.hints.length < check.hintCount ? (
                  <form
                    action={requestHintFormAction}
                    onSubmit={(e) => {
                      if (!onMoreHints) return;
                      e.preventDefault();
                      onMoreHints(check);
                    }}
                    className="mt-2"
                  >
                    <input type="hidden" name="course" value={target.course} />
                    <input type="hidden" name="lesson" value={target.lesson} />
                    <input type="hidden" name="exerciseId" value={target.exerciseId} />
                    <input type="hidden" name="version" value={result.version} />
                    <input type="hidden" name="checkId" value={check.id} />
                    <input type="hidden" name="index" value={check.hints.length} />
                    <input type="hidden" name="attempt" value={result.attemptId} />
                    <Button type="submit" size="sm" variant="secondary" disabled={pendingHint === check.id}>
                      {pendingHint === check.id
                        ? "Asking…"
                        : `More hints (${check.hintCount - check.hints.length} left)`}
                    </Button>
                  </form>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
