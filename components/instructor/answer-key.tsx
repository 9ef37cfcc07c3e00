import type { ReactNode } from "react";
import { InlineText } from "@/components/quiz/inline-text";
import { quizVersion } from "@/lib/content/quiz-public";
import type { Question, QuizDefinition } from "@/lib/content/quiz-schema";

const TYPE_LABELS: Record<Question["type"], string> = {
  single: "single choice",
  multiple: "multiple choice (all or nothing)",
  truefalse: "true / false",
  fill: "fill in",
  order: "order",
  numeric: "numeric",
};

function Explanation({ text }: { text?: string }) {
  return text ? (
    <p className="mt-1 text-sm text-[var(--fg-muted)]">
      <span className="font-medium text-[var(--fg)]">Explanation: </span>
      <InlineText text={text} />
    </p>
  ) : null;
}

function Key({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="mt-1 text-sm">
      <span className="font-medium">{label}: </span>
      {children}
    </p>
  );
}

function QuestionKey({ q }: { q: Question }) {
  switch (q.type) {
    case "single":
    case "multiple":
      return (
        <ul className="mt-2 grid list-none gap-1 pl-0 text-sm">
          {q.choices.map((c) => (
            <li key={c.text} data-choice-correct={c.correct ? "true" : "false"}>
              <span className={c.correct ? "font-semibold text-emerald-800 dark:text-emerald-300" : ""}>
                {c.correct ? "✓ Correct: " : "✗ Wrong: "}
              </span>
              <InlineText text={c.text} />
              {c.explanation ? (
                <span className="block pl-5 text-[var(--fg-muted)]">
                  <InlineText text={c.explanation} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      );
    case "truefalse":
      return <Key label="Answer">{q.answer ? "True" : "False"}</Key>;
    case "fill":
      return (
        <Key label="Accepted answers (case and surrounding spaces ignored)">
          {q.accept.map((a, i) => (
            <span key={a}>
              {i > 0 ? ", " : null}
              <code>{a}</code>
            </span>
          ))}
        </Key>
      );
    case "order":
      return (
        <>
          <p className="mt-1 text-sm font-medium">Correct order:</p>
          <ol className="mt-1 list-decimal pl-6 text-sm">
            {q.items.map((item) => (
              <li key={item}>
                <InlineText text={item} />
              </li>
            ))}
          </ol>
        </>
      );
    case "numeric":
      return (
        <Key label="Answer">
          {q.answer}
          {q.unit ? ` ${q.unit}` : ""} ± {q.tolerance}
          {q.unit ? ` ${q.unit}` : ""} (accepted: {q.answer - q.tolerance} to {q.answer + q.tolerance},
          inclusive)
        </Key>
      );
  }
}

/**
 * A quiz's full definition — which choices are correct, accepted answers, numeric answers
 * with their tolerance, explanations — for the instructor preview only. Never used on lesson
 * pages: the preview is dynamic, staff-only, and renders this on the server.
 */
export function AnswerKey({ quiz }: { quiz: QuizDefinition }) {
  return (
    <section
      aria-label={`Answer key: ${quiz.title}`}
      data-answer-key={quiz.id}
      className="not-prose -mt-6 mb-10 rounded-b-xl border-2 border-t-0 border-amber-600/60 bg-amber-50 p-5 dark:bg-amber-950/30"
    >
      <p className="font-semibold text-amber-900 dark:text-amber-200">
        Answer key — instructors only (never sent to learners)
      </p>
      <p className="mt-1 text-sm text-[var(--fg-muted)]">
        Quiz <code>{quiz.id}</code> · version <code>{quizVersion(quiz)}</code> · pass mark {quiz.passPercent}%
      </p>
      <ol className="mt-3 grid gap-4 pl-5">
        {quiz.questions.map((q) => (
          <li key={q.id} data-key-question={q.id}>
            <p className="font-medium">
              <InlineText text={q.prompt} />
            </p>
            <p className="text-sm text-[var(--fg-muted)]">
              <code>{q.id}</code> · {TYPE_LABELS[q.type]} · {q.points} {q.points === 1 ? "point" : "points"}
            </p>
            <QuestionKey q={q} />
            <Explanation text={q.explanation} />
          </li>
        ))}
      </ol>
    </section>
  );
}
