import { InlineText } from "@/components/quiz/inline-text";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import { answerReviewFormAction } from "@/lib/review/actions";
import type { CardOrigin } from "@/lib/review/sources";
import { SubmitButton } from "./submit-button";

const optionClass =
  "flex cursor-pointer items-start gap-3 rounded-md border border-[var(--border)] px-3 py-2 hover:bg-[var(--bg-soft)] has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-700/20";
const fieldClass = "rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-mono";

/** The answer controls for one question: native inputs only, so the form works without JavaScript. */
function AnswerInput({ q }: { q: PublicQuestion }) {
  switch (q.type) {
    case "single":
    case "multiple":
      return (
        <div className="grid gap-2">
          {q.choices.map((c) => (
            <label key={c.id} className={optionClass}>
              <input
                type={q.type === "single" ? "radio" : "checkbox"}
                name="choice"
                value={c.id}
                className="mt-1 size-4 shrink-0 accent-brand-600"
              />
              <span className="min-w-0 break-words">
                <InlineText text={c.text} />
              </span>
            </label>
          ))}
        </div>
      );
    case "truefalse":
      return (
        <div className="flex flex-wrap gap-2">
          {["true", "false"].map((v) => (
            <label key={v} className={`${optionClass} min-w-28`}>
              <input type="radio" name="choice" value={v} className="mt-1 size-4 accent-brand-600" />
              <span>{v === "true" ? "True" : "False"}</span>
            </label>
          ))}
        </div>
      );
    case "fill":
      return (
        <input
          type="text"
          name="text"
          aria-label="Your answer"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          className={`${fieldClass} w-full max-w-sm`}
        />
      );
    case "numeric":
      return (
        <span className="inline-flex items-center gap-2">
          <input
            type="text"
            inputMode="decimal"
            name="text"
            aria-label={q.unit ? `Your answer in ${q.unit}` : "Your answer"}
            autoComplete="off"
            maxLength={40}
            className={`${fieldClass} w-32`}
          />
          {q.unit ? <span aria-hidden="true">{q.unit}</span> : null}
        </span>
      );
    case "order": {
      // One select per position: a reorder that needs no script (each item used once). The items
      // are listed in full with a letter first, as a phone's closed select shows only the start.
      const letter = (i: number) => String.fromCharCode(65 + i);
      return (
        <div className="grid gap-3">
          <ul className="grid list-none gap-1 pl-0" aria-label="The items">
            {q.items.map((item, i) => (
              <li key={item.id} className="flex gap-2">
                <span className="font-semibold" aria-hidden="true">
                  {letter(i)}.
                </span>
                <span className="min-w-0 break-words">
                  <InlineText text={item.text} />
                </span>
              </li>
            ))}
          </ul>
          <ol className="grid list-none gap-2 pl-0">
            {q.items.map((item, i) => (
              <li key={item.id} className="min-w-0">
                <label className="flex w-full min-w-0 items-center gap-2">
                  <span className="w-20 shrink-0 text-sm text-[var(--fg-muted)]">Position {i + 1}</span>
                  <select
                    name="choice"
                    defaultValue={item.id}
                    className="min-w-0 flex-1 truncate rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-2 text-sm"
                  >
                    {q.items.map((option, j) => (
                      <option key={option.id} value={option.id}>
                        {letter(j)}. {option.text.replace(/`/g, "")}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ol>
        </div>
      );
    }
  }
}

/** Where the card came from, with a link to that lesson section. */
export function CardSourceLine({ from }: { from: CardOrigin }) {
  return (
    <p className="text-sm text-[var(--fg-muted)]">
      From{" "}
      <a href={from.href}>
        Part {from.part}: {from.lessonTitle}
      </a>{" "}
      · {from.title}
    </p>
  );
}

type Props = {
  card: { id: string; reps: number };
  question: PublicQuestion;
  version: string;
  from: CardOrigin;
};

/** A due card: its question with the choices in this round's order, and a form graded on the server. */
export function ReviewCard({ card, question: q, version, from }: Props) {
  return (
    <form
      action={answerReviewFormAction}
      className="review-card rounded-xl border border-[var(--border)] p-5 sm:p-6"
      data-card={card.id}
    >
      <input type="hidden" name="card" value={card.id} />
      <input type="hidden" name="round" value={String(card.reps)} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="submissionId" value={crypto.randomUUID()} />
      <CardSourceLine from={from} />
      <fieldset className="mt-3 min-w-0">
        <legend className="mb-3 text-lg font-medium">
          <InlineText text={q.prompt} />
          {q.type === "multiple" ? (
            <span className="text-[var(--fg-muted)]"> (select all that apply)</span>
          ) : null}
          {q.type === "order" ? (
            <span className="text-[var(--fg-muted)]"> (pick the item for each position)</span>
          ) : null}
        </legend>
        <AnswerInput q={q} />
      </fieldset>
      <fieldset className="mt-5 flex min-w-0 flex-wrap items-center gap-2 text-sm">
        <legend className="mb-2 w-full text-[var(--fg-muted)]">How sure are you? (optional)</legend>
        {(
          [
            ["sure", "Sure"],
            ["unsure", "Not sure"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className={`${optionClass} py-1.5`}>
            <input type="radio" name="confidence" value={value} className="mt-0.5 size-4 accent-brand-600" />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <div className="mt-6">
        <SubmitButton pendingText="Checking…">Check answer</SubmitButton>
      </div>
    </form>
  );
}
