"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { showCourseProgress, useCourseProgress } from "@/components/progress/learner-store";
import { AddToReview } from "@/components/review/add-to-review";
import { Button } from "@/components/ui/button";
import type { PublicQuiz } from "@/lib/content/quiz-schema";
import { submitQuizAction } from "@/lib/quiz/actions";
import type { Answer, QuestionResult } from "@/lib/quiz/grade";
import type { QuizActionData } from "@/lib/quiz/writes";
import { InlineText } from "./inline-text";
import { QuestionInput } from "./question-input";

type Props = { quiz: PublicQuiz; course: string; lesson: string };

/**
 * A quiz embedded in a lesson. The page holds questions and choices only; the answers are
 * graded by a server action, and the feedback comes back from the server.
 */
export function QuizIsland(props: Props) {
  // A new key starts a fresh attempt: cleared answers, new submission id, no result.
  const [round, setRound] = useState(0);
  return (
    <section
      aria-labelledby={`quiz-${props.quiz.id}-title`}
      className="quiz not-prose my-10 rounded-xl border border-[var(--border)] p-5 sm:p-6"
      data-quiz={props.quiz.id}
    >
      <QuizHeader {...props} />
      <QuizAttempt key={round} {...props} onTryAgain={() => setRound((r) => r + 1)} />
    </section>
  );
}

function QuizHeader({ quiz, course, lesson }: Props) {
  const { data } = useCourseProgress(course);
  const byVersion = data?.quizzes[`${lesson}/${quiz.id}`] ?? {};
  const current = byVersion[quiz.version];
  const older = Object.entries(byVersion)
    .filter(([v]) => v !== quiz.version)
    .reduce((n, [, s]) => n + s.attempts, 0);
  return (
    <header>
      <h2 id={`quiz-${quiz.id}-title`} className="text-xl font-semibold">
        {quiz.title}
      </h2>
      <p className="mt-1 text-sm text-[var(--fg-muted)]">
        {quiz.questions.length} questions · {quiz.maxScore} points · pass mark {quiz.passPercent}% · graded on
        the server
      </p>
      <p className="quiz-stats mt-2 text-sm" data-testid="quiz-stats">
        {current ? (
          <>
            Best:{" "}
            <strong>
              {current.best.score}/{current.best.maxScore}
            </strong>{" "}
            · Latest:{" "}
            <strong>
              {current.latest.score}/{current.latest.maxScore}
            </strong>{" "}
            ({current.latest.passed ? "passed" : "not passed"}) · Attempts:{" "}
            <strong>{current.attempts}</strong>
          </>
        ) : (
          "Not attempted yet."
        )}
      </p>
      {older > 0 ? (
        <p className="mt-1 text-sm text-[var(--fg-muted)]">
          This quiz changed since your earlier {older === 1 ? "attempt" : `${older} attempts`};{" "}
          {older === 1 ? "it is" : "they are"} kept apart and not counted above.
        </p>
      ) : null}
    </header>
  );
}

function QuizAttempt({ quiz, course, lesson, onTryAgain }: Props & { onTryAgain: () => void }) {
  const [answers, setAnswers] = useState<Record<string, Answer | undefined>>({});
  const [state, formAction, pending] = useActionState(submitQuizAction, null);
  const submissionId = useRef<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const result = state?.ok ? state.data : null;

  useEffect(() => {
    if (state?.ok) {
      resultRef.current?.focus();
      // The write answered with the progress it left: every island shows it, no second request.
      void showCourseProgress(course, state.data.progress);
    } else if (state) errorRef.current?.focus();
  }, [state, course]);

  // Order questions start in the shown order: that is an answer too.
  const payload = Object.fromEntries(
    quiz.questions.map((q) => [
      q.id,
      answers[q.id] ?? (q.type === "order" ? q.items.map((i) => i.id) : undefined),
    ]),
  );

  return (
    <form
      action={formAction}
      onSubmit={() => {
        submissionId.current ??= crypto.randomUUID();
      }}
      className="mt-5"
      noValidate
    >
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      <input type="hidden" name="quizId" value={quiz.id} />
      <input type="hidden" name="version" value={quiz.version} />
      <SubmissionIdField idRef={submissionId} />
      <input type="hidden" name="answers" value={JSON.stringify(payload)} />

      <ol className="grid list-none gap-6 pl-0">
        {quiz.questions.map((q, i) => {
          const feedback = result?.result.questions.find((r) => r.id === q.id);
          const fieldError = state && !state.ok ? state.fieldErrors?.[q.id] : undefined;
          return (
            <li key={q.id} data-question={q.id}>
              <fieldset aria-describedby={fieldError ? `${quiz.id}-${q.id}-error` : undefined}>
                <legend className="mb-2 font-medium">
                  <span className="text-[var(--fg-muted)]">
                    {i + 1}/{quiz.questions.length}.{" "}
                  </span>
                  <InlineText text={q.prompt} />
                  {q.type === "multiple" ? (
                    <span className="text-[var(--fg-muted)]"> (select all that apply)</span>
                  ) : null}
                </legend>
                <QuestionInput
                  question={q}
                  name={`${quiz.id}-${q.id}`}
                  value={payload[q.id]}
                  disabled={pending || Boolean(result)}
                  onChange={(value) => setAnswers((a) => ({ ...a, [q.id]: value }))}
                />
                {fieldError ? (
                  <p id={`${quiz.id}-${q.id}-error`} className="mt-2 text-sm text-red-700 dark:text-red-300">
                    {fieldError}
                  </p>
                ) : null}
                {feedback ? (
                  <QuestionFeedback feedback={feedback} choices={"choices" in q ? q.choices : []} />
                ) : null}
                {feedback ? (
                  <AddToReview
                    {...{ course, lesson, quizId: quiz.id, questionId: q.id }}
                    missed={!feedback.correct}
                  />
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>

      {state && !state.ok ? (
        <p
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-5 rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {state.message}
        </p>
      ) : null}

      {result ? (
        <ResultSummary
          data={result}
          passPercent={quiz.passPercent}
          resultRef={resultRef}
          onTryAgain={onTryAgain}
        />
      ) : (
        <div className="mt-6 flex items-center gap-3">
          <Button type="submit" disabled={pending} variant="primary">
            {pending ? "Grading…" : "Submit answers"}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The submission id is chosen on the first submit, so a double click or retry reuses it. */
function SubmissionIdField({ idRef }: { idRef: React.RefObject<string | null> }) {
  const [, force] = useState(0);
  useEffect(() => {
    if (!idRef.current) {
      idRef.current = crypto.randomUUID();
      force((n) => n + 1);
    }
  }, [idRef]);
  return <input type="hidden" name="submissionId" value={idRef.current ?? ""} />;
}

function QuestionFeedback({
  feedback,
  choices,
}: {
  feedback: QuestionResult;
  choices: { id: string; text: string }[];
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
      {feedback.choices?.map((c) => {
        const text = choices.find((x) => x.id === c.id)?.text ?? "";
        return (
          <p key={c.id} className="mt-1">
            You picked “<InlineText text={text} />
            ”: {c.correct ? "right" : "not right"}.
            {c.explanation ? (
              <>
                {" "}
                <InlineText text={c.explanation} />
              </>
            ) : null}
          </p>
        );
      })}
      {feedback.explanation ? (
        <p className="mt-1">
          <InlineText text={feedback.explanation} />
        </p>
      ) : null}
    </div>
  );
}

function ResultSummary({
  data,
  passPercent,
  resultRef,
  onTryAgain,
}: {
  data: QuizActionData;
  passPercent: number;
  resultRef: React.RefObject<HTMLDivElement | null>;
  onTryAgain: () => void;
}) {
  const { score, maxScore, percent, passed } = data.result;
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
        {passed ? "This part is now marked complete." : "Read the feedback above, then try again."}
        {data.repeated ? " (This submission had already been recorded; it was not counted twice.)" : ""}
      </p>
      <Button type="button" onClick={onTryAgain} variant="secondary" className="mt-3">
        Try again
      </Button>
    </div>
  );
}
