"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { postWrite } from "@/components/islands/post-write";
import {
  type ProgressResponse,
  showCourseProgress,
  useCourseProgress,
} from "@/components/progress/learner-store";
import { AddToReview } from "@/components/review/add-to-review";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { ATTEMPT_FIELD } from "@/lib/quiz/form-fields";
import type { QuizFormState, ReviewAdded } from "@/lib/quiz/form-write";
import type { Answer } from "@/lib/quiz/grade";
import type { QuizActionData } from "@/lib/quiz/writes";
import { quizFormAction } from "@/lib/review/actions";
import { InlineText } from "./inline-text";
import { QuestionInput } from "./question-input";
import { QuestionFeedback, ResultSummary } from "./quiz-result";
import type { QuizIslandProps } from "./quiz-text";

type Props = QuizIslandProps;
type Answers = Record<string, Answer | undefined>;

/**
 * A quiz embedded in a lesson. The page holds questions and choices only, once, in this form's
 * server HTML, from which the island reads them back when it mounts (./quiz-text.ts); the answers are
 * graded on the server (app/api/learner/quiz-attempts; without JavaScript the form posts its
 * inputs to a server action, lib/quiz/form-write.ts, and the page comes back graded with them),
 * and the feedback comes back from the server. The learner's answers live here, above each attempt: "Try again" starts a new attempt from them, and only
 * "Start over" clears them.
 */
export function QuizIsland({ showTitle = true, ...props }: Props) {
  const [answers, setAnswers] = useState<Answers>({});
  // A new round is a new attempt: new submission id, no result. `focus` says where to go next.
  const [round, setRound] = useState<{ n: number; focus: string | null }>({ n: 0, focus: null });
  const titleId = `quiz-${props.quiz.id}-title`;
  // The server action is the form's action for readers without JavaScript (the page comes back
  // graded, its header counting the attempt). With JavaScript the answers go to the JSON route:
  // its answer is only the result, where the action would answer with the page re-rendered when
  // it set the learner cookie; so with JavaScript this state stays null.
  const [actionState, formAction] = useActionState(quizFormAction, null);
  return (
    <section
      aria-labelledby={showTitle ? titleId : undefined}
      aria-label={showTitle ? undefined : props.quiz.title}
      className="quiz not-prose my-10 rounded-xl border border-[var(--border)] p-5 sm:p-6"
      data-quiz={props.quiz.id}
    >
      <QuizHeader
        {...props}
        titleId={showTitle ? titleId : null}
        graded={actionState?.ok ? actionState.data.progress : undefined}
      />
      <QuizAttempt
        key={round.n}
        {...props}
        actionState={actionState}
        formAction={formAction}
        answers={answers}
        focus={round.focus}
        onAnswer={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
        onTryAgain={(focus) => setRound((r) => ({ n: r.n + 1, focus }))}
        onStartOver={() => {
          setAnswers({});
          setRound((r) => ({ n: r.n + 1, focus: props.quiz.questions[0]?.id ?? null }));
        }}
      />
    </section>
  );
}

function QuizHeader({
  quiz,
  course,
  lesson,
  titleId,
  graded,
}: Props & { titleId: string | null; graded: ProgressResponse | undefined }) {
  const data = useCourseProgress(course).data ?? graded;
  const byVersion = data?.quizzes[`${lesson}/${quiz.id}`] ?? {};
  const current = byVersion[quiz.version];
  const older = Object.entries(byVersion)
    .filter(([v]) => v !== quiz.version)
    .reduce((n, [, s]) => n + s.attempts, 0);
  return (
    <header>
      {titleId ? (
        <h2 id={titleId} className="mb-1 text-xl font-semibold">
          {quiz.title}
        </h2>
      ) : null}
      <p className="text-sm text-[var(--fg-muted)]">
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

type AttemptProps = Props & {
  actionState: QuizFormState | null;
  formAction: (form: FormData) => void;
  answers: Answers;
  focus: string | null;
  onAnswer: (questionId: string, value: Answer | undefined) => void;
  onTryAgain: (focus: string | null) => void;
  onStartOver: () => void;
};

function QuizAttempt({
  quiz,
  course,
  lesson,
  actionState,
  formAction,
  answers,
  focus,
  onAnswer,
  onTryAgain,
  onStartOver,
}: AttemptProps) {
  const [sent, setSent] = useState<ActionResult<QuizActionData> | null>(null);
  const [pending, startTransition] = useTransition();
  const state = sent ?? actionState;
  // A second submit (a double click) is sent once the first is answered, as an action's would be.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const submissionId = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
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

  // A new attempt puts the keyboard where the learner goes next (the first question missed).
  useEffect(() => {
    if (!focus) return;
    formRef.current
      ?.querySelector<HTMLElement>(`[data-question="${focus}"] :is(input, button):not(:disabled)`)
      ?.focus();
  }, [focus]);

  // What the form without JavaScript was sent with comes back with its result: shown as chosen.
  const chosen: Answers = { ...(sent ? undefined : actionState?.answers), ...answers };
  // Order questions start in the shown order: that is an answer too.
  const payload = Object.fromEntries(
    quiz.questions.map((q) => [
      q.id,
      chosen[q.id] ?? (q.type === "order" ? q.items.map((i) => i.id) : undefined),
    ]),
  );
  const answered = Object.values(answers).some((a) => a !== undefined && a !== "");
  // What "Add to review" answered without JavaScript: said beside its question, or here when the
  // quiz does not show that question (the post named one it does not have).
  const review = sent ? undefined : actionState?.review;
  const unplaced =
    review && !review.result.ok && !quiz.questions.some((q) => q.id === review.questionId)
      ? review.result.message
      : null;
  const alert = state && !state.ok ? state.message : unplaced;

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(e) => {
        // Not React's form action either, which resets the form afterwards and so would untick
        // every controlled radio and checkbox the learner chose.
        e.preventDefault();
        submissionId.current ??= crypto.randomUUID();
        const submission = {
          course,
          lesson,
          quizId: quiz.id,
          version: quiz.version,
          submissionId: submissionId.current,
          answers: payload,
        };
        const sending = queue.current.then(() =>
          postWrite<QuizActionData>("/api/learner/quiz-attempts", submission),
        );
        queue.current = sending;
        startTransition(async () => {
          const result = await sending;
          startTransition(() => setSent(result));
        });
      }}
      className="mt-5"
      noValidate
    >
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      <input type="hidden" name="quizId" value={quiz.id} />
      <input type="hidden" name="version" value={quiz.version} />
      <SubmissionIdField idRef={submissionId} />
      {/* Which graded attempt is on screen: "Add to review" without JavaScript shows it again. */}
      {result ? <input type="hidden" name={ATTEMPT_FIELD} value={result.attemptId} /> : null}

      <ol className="grid list-none gap-6 pl-0">
        {quiz.questions.map((q, i) => {
          const feedback = result?.result.questions.find((r) => r.id === q.id);
          const fieldError = state && !state.ok ? state.fieldErrors?.[q.id] : undefined;
          return (
            <li key={q.id} id={questionAnchor(quiz.id, q.id)} data-question={q.id} className="scroll-mt-20">
              <fieldset aria-describedby={fieldError ? `${quiz.id}-${q.id}-error` : undefined}>
                <legend className="mb-2 font-medium">
                  {/* One string, one text node: no React separators in the HTML. */}
                  <span className="text-[var(--fg-muted)]">{`${i + 1}/${quiz.questions.length}. `}</span>
                  {/* The island reads the prompt back from here when it mounts (./quiz-text.ts). */}
                  <span data-prompt="">
                    <InlineText text={q.prompt} />
                  </span>
                  {q.type === "multiple" && !/select all that apply/i.test(q.prompt) ? (
                    <span className="text-[var(--fg-muted)]"> (Select all that apply.)</span>
                  ) : null}
                </legend>
                <QuestionInput
                  question={q}
                  name={`${quiz.id}-${q.id}`}
                  value={payload[q.id]}
                  disabled={pending || Boolean(result)}
                  feedback={feedback}
                  onChange={(value) => onAnswer(q.id, value)}
                />
                {fieldError ? (
                  <p id={`${quiz.id}-${q.id}-error`} className="mt-2 text-sm text-red-700 dark:text-red-300">
                    {fieldError}
                  </p>
                ) : null}
                {feedback ? (
                  <QuestionFeedback
                    feedback={feedback}
                    revealed={result?.result.revealed ?? true}
                    revealAfter={quiz.revealAfterAttempts}
                  />
                ) : null}
                {feedback ? (
                  <AddToReview
                    {...{ course, lesson, quizId: quiz.id, questionId: q.id }}
                    missed={!feedback.correct}
                    added={addedToReview(review, q.id)}
                    anchor={questionAnchor(quiz.id, q.id)}
                  />
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>

      {alert ? (
        <p
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-5 rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {alert}
        </p>
      ) : null}

      {result ? (
        <ResultSummary
          data={result}
          course={course}
          lesson={lesson}
          quizId={quiz.id}
          passPercent={quiz.passPercent}
          revealAfter={quiz.revealAfterAttempts}
          resultRef={resultRef}
          onTryAgain={() => onTryAgain(result.result.questions.find((r) => !r.correct)?.id ?? null)}
          onStartOver={onStartOver}
        />
      ) : (
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending} variant="primary">
            {pending ? "Grading…" : "Submit answers"}
          </Button>
          {answered && !pending ? (
            <Button type="button" onClick={onStartOver} variant="secondary">
              Start over
            </Button>
          ) : null}
        </div>
      )}
    </form>
  );
}

/** What the page without JavaScript says of a question's card: just added (or refused), or there before. */
function addedToReview(review: ReviewAdded | undefined, questionId: string) {
  if (review?.questionId === questionId) return review.result;
  const due = review?.inReview[questionId];
  return due ? { ok: true as const, data: { due } } : null;
}

/** A graded question's element id: "Add to review" without JavaScript brings the reader back to it. */
const questionAnchor = (quizId: string, questionId: string) => `quiz-${quizId}-${questionId}`;

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
