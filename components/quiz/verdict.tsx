import type { ReactNode } from "react";

export type VerdictKind = "correct" | "incorrect" | "answer";

const LOOK: Record<VerdictKind, { icon: string; text: string; className: string }> = {
  correct: {
    icon: "✓",
    text: "Your answer: correct",
    className: "text-emerald-800 dark:text-emerald-300",
  },
  incorrect: { icon: "✗", text: "Your answer: incorrect", className: "text-red-700 dark:text-red-300" },
  answer: { icon: "✓", text: "Correct answer", className: "text-emerald-800 dark:text-emerald-300" },
};

/**
 * The mark beside a chosen (or revealed) option: an icon and words, so the verdict never rests on
 * colour alone. `id` lets the input name it in aria-describedby; `children` follows the words.
 */
export function Verdict({ id, kind, children }: { id?: string; kind: VerdictKind; children?: ReactNode }) {
  const look = LOOK[kind];
  return (
    <span id={id} data-verdict={kind} className={`text-sm font-semibold ${look.className}`}>
      <span aria-hidden="true">{look.icon}</span> {look.text}
      {children}
    </span>
  );
}

/** When the correct answers will be shown, as the quiz's reveal rule has it. */
export function revealNote(revealAfter: number | undefined): string {
  return revealAfter
    ? `The correct answers are shown once you pass, or after your ${ordinal(revealAfter)} attempt.`
    : "The correct answers are shown once you pass.";
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
