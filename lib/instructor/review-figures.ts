import { type Rate, rate } from "./stats";

/** Review intervals instructors see answers grouped by: the days since the card's previous review. */
export const INTERVAL_BUCKETS = [
  { label: "1 day", max: 1 },
  { label: "2–7 days", max: 7 },
  { label: "8–30 days", max: 30 },
  { label: "30+ days", max: Number.POSITIVE_INFINITY },
] as const;

/** A question's figures from /review: who has it in review, and how often it was right by interval. */
export type ReviewFigures = {
  /** Learners with a card for this question. */
  learners: number;
  /** Answers on /review, right among all, per interval bucket (in INTERVAL_BUCKETS' order). */
  byInterval: { label: string; right: Rate }[];
};

/** The bucket of an interval of `days` (rounded to whole days: a card due "tomorrow" is 1 day). */
export function intervalBucket(days: number): number {
  const whole = Math.max(1, Math.round(days));
  return INTERVAL_BUCKETS.findIndex((b) => whole <= b.max);
}

/** A question's review figures from its card count and its answers (days since the previous review). */
export function reviewFigures(
  learners: number,
  answers: { elapsedDays: number; correct: boolean }[],
): ReviewFigures {
  const counts = INTERVAL_BUCKETS.map(() => ({ right: 0, total: 0 }));
  for (const a of answers) {
    const c = counts[intervalBucket(a.elapsedDays)]!;
    c.total++;
    if (a.correct) c.right++;
  }
  return {
    learners,
    byInterval: INTERVAL_BUCKETS.map((b, i) => ({
      label: b.label,
      right: rate(counts[i]!.right, counts[i]!.total),
    })),
  };
}
