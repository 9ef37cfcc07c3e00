import Link from "next/link";
import { InlineText } from "@/components/quiz/inline-text";
import { buttonClassName } from "@/components/ui/button";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import type { Answer, CorrectAnswer, QuestionResult } from "@/lib/quiz/grade";
import type { ReviewOutcome } from "@/lib/review/session";
import { dueText } from "@/lib/review/when";
import { FocusOnArrival } from "./focus-on-arrival";
import { CardSourceLine } from "./review-card";

/** The learner's answer in words: the picked choices, the order given, or what was typed. */
function AnswerGiven({
  question: q,
  answer,
  feedback,
}: {
  question: PublicQuestion;
  answer: Answer;
  feedback: QuestionResult | null;
}) {
  if (q.type === "single" || q.type === "multiple") {
    const picked = feedback?.choices ?? [];
    return (
      <ul className="mt-1 grid list-none gap-1 pl-0">
        {picked.map((c) => (
          <li key={c.id}>
            You picked “<InlineText text={q.choices.find((x) => x.id === c.id)?.text ?? ""} />
            ”: {c.correct ? "right" : "not right"}.
            {c.explanation ? (
              <>
                {" "}
                <InlineText text={c.explanation} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  if (q.type === "order" && Array.isArray(answer)) {
    return (
      <div className="mt-1">
        <p>Your order:</p>
        <ol className="list-decimal pl-6">
          {answer.map((id) => (
            <li key={String(id)}>
              <InlineText text={q.items.find((i) => i.id === id)?.text ?? ""} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  const text = typeof answer === "boolean" ? (answer ? "True" : "False") : String(answer);
  return (
    <p className="mt-1">
      Your answer: <strong className="font-mono">{text}</strong>
      {q.type === "numeric" && q.unit ? ` ${q.unit}` : ""}
    </p>
  );
}

/** The right answer in words, once the quiz's reveal rule lets the server send it. */
function RightAnswer({ question: q, answer }: { question: PublicQuestion; answer: CorrectAnswer }) {
  const label = <strong>The right answer:</strong>;
  if (answer.kind === "choices" && (q.type === "single" || q.type === "multiple")) {
    const texts = answer.ids.map((id) => q.choices.find((c) => c.id === id)?.text ?? "");
    return texts.length === 1 ? (
      <p className="mt-2" data-right-answer="">
        {label} “<InlineText text={texts[0]!} />
        ”.
      </p>
    ) : (
      <div className="mt-2" data-right-answer="">
        <p>{label}</p>
        <ul className="list-disc pl-6">
          {texts.map((text) => (
            <li key={text}>
              <InlineText text={text} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (answer.kind === "order" && q.type === "order")
    return (
      <div className="mt-2" data-right-answer="">
        <p>{label}</p>
        <ol className="list-decimal pl-6">
          {answer.ids.map((id) => (
            <li key={id}>
              <InlineText text={q.items.find((i) => i.id === id)?.text ?? ""} />
            </li>
          ))}
        </ol>
      </div>
    );
  const words =
    answer.kind === "truefalse"
      ? answer.value
        ? "True"
        : "False"
      : answer.kind === "text"
        ? answer.text
        : answer.kind === "number"
          ? `${answer.value}${answer.unit ? ` ${answer.unit}` : ""}${answer.tolerance ? ` (± ${answer.tolerance})` : ""}`
          : null;
  return words === null ? null : (
    <p className="mt-2" data-right-answer="">
      {label} <span className="font-mono">{words}</span>
    </p>
  );
}

const CONFIDENCE: Record<string, string> = {
  sure: " You said you were sure.",
  unsure: " You said you were not sure.",
};

/** An answered card: the verdict, the explanation, when it comes back and the way back to the lesson. */
export function ReviewOutcomeView({
  outcome,
  at,
  dueNow,
}: {
  outcome: ReviewOutcome;
  at: Date;
  dueNow: number;
}) {
  const { prompt, feedback, correct } = outcome;
  return (
    <section
      aria-labelledby="review-outcome-title"
      className="review-outcome rounded-xl border border-[var(--border)] p-5 sm:p-6"
    >
      <FocusOnArrival id="review-outcome-title" />
      {prompt ? <CardSourceLine from={prompt.from} /> : null}
      {prompt ? (
        <p id="review-outcome-question" className="mt-3 text-lg font-medium">
          <InlineText text={prompt.question.prompt} />
        </p>
      ) : null}
      <div
        role="status"
        data-result={correct ? "correct" : "incorrect"}
        className={`mt-4 rounded-md border-l-4 px-3 py-2 ${correct ? "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" : "border-red-600 bg-red-50 dark:bg-red-950/40"}`}
      >
        <h2 id="review-outcome-title" tabIndex={-1} className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true">{correct ? "✓" : "✗"}</span>
          {correct ? "Right" : "Not right"}
        </h2>
        {prompt ? (
          <AnswerGiven question={prompt.question} answer={outcome.answer} feedback={feedback} />
        ) : null}
        {!correct && feedback?.answer && prompt ? (
          <RightAnswer question={prompt.question} answer={feedback.answer} />
        ) : null}
        {feedback?.explanation ? (
          <p className="mt-2">
            <InlineText text={feedback.explanation} />
          </p>
        ) : null}
        {/* Withheld by the quiz's reveal rule (visibleResult drops the key and the explanation). */}
        {!correct && feedback && !feedback.answer && prompt ? (
          <p className="mt-2" data-withheld="">
            The explanation and the right answer show here once you have passed the quiz in Part{" "}
            {prompt.from.part}.
          </p>
        ) : null}
      </div>
      <p className="mt-4" data-next-due={outcome.due}>
        This card comes back <strong>{dueText(new Date(outcome.due), at)}</strong>.
        {outcome.confidence ? CONFIDENCE[outcome.confidence] : ""}
      </p>
      {prompt ? (
        <p className="mt-2">
          <a href={prompt.from.href}>Read that section again</a> in Part {prompt.from.part}.
        </p>
      ) : null}
      <p className="mt-5">
        <Link href="/review" className={buttonClassName({ variant: dueNow > 0 ? "primary" : "secondary" })}>
          {dueNow > 0 ? `Next card (${dueNow} due)` : "Done for now"}
        </Link>
      </p>
    </section>
  );
}
