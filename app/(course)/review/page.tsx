import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/review/focus-on-arrival";
import { ReviewCard } from "@/components/review/review-card";
import { ReviewOutcomeView } from "@/components/review/review-outcome";
import { ReviewStatusSync } from "@/components/review/review-status-sync";
import { currentLearnerId } from "@/lib/auth/identity";
import { now } from "@/lib/clock";
import { reviewError } from "@/lib/review/messages";
import { reviewOutcome, reviewSession } from "@/lib/review/session";
import { dueText } from "@/lib/review/when";

export const metadata: Metadata = { title: "Review", robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The learner's due cards, one at a time, graded on the server with a plain form (works without
 * JavaScript); after an answer, the graded answer read back from what was stored.
 */
export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<{ answered?: string; error?: string }>;
}) {
  const { answered, error } = await searchParams;
  const learnerId = await currentLearnerId();
  const [session, outcome] = await Promise.all([
    reviewSession(learnerId),
    answered && UUID.test(answered) ? reviewOutcome(learnerId, answered) : null,
  ]);
  const { status, current } = session;
  const at = now();
  const message = reviewError(error);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <ReviewStatusSync status={status} />
      <h1 className="text-3xl font-bold tracking-tight">Review</h1>
      <p className="mt-2 text-[var(--fg-muted)]" data-testid="review-summary">
        {status.total === 0
          ? "Questions you miss come back here on a schedule."
          : `${status.due === 0 ? "Nothing" : status.due} due now · ${status.total} ${status.total === 1 ? "card" : "cards"} in review`}
      </p>
      {message ? (
        <p
          id="review-error"
          role="alert"
          tabIndex={-1}
          className="mt-4 rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {message}
        </p>
      ) : null}
      {message ? <FocusOnArrival id="review-error" /> : null}
      <div className="mt-6">
        {outcome ? (
          <ReviewOutcomeView outcome={outcome} at={at} dueNow={status.due} />
        ) : current ? (
          <ReviewCard
            card={current.card}
            question={current.prompt.question}
            version={current.prompt.version}
            from={current.prompt.from}
          />
        ) : (
          <section
            aria-labelledby="nothing-due"
            className="rounded-xl border border-[var(--border)] p-5 sm:p-6"
          >
            <h2 id="nothing-due" className="text-xl font-semibold">
              Nothing due
            </h2>
            {status.next ? (
              <p className="mt-2" data-next-due={status.next}>
                The next card is due <strong>{dueText(new Date(status.next), at)}</strong>.
              </p>
            ) : (
              <p className="mt-2">
                Nothing to review yet. Every quiz question you answer wrong becomes a card here, and after
                grading a quiz you can add any other question with &ldquo;Add to review&rdquo;.
              </p>
            )}
            <p className="mt-4">
              <Link href="/">Back to the courses</Link>
            </p>
          </section>
        )}
      </div>
      <details className="mt-8 text-sm text-[var(--fg-muted)]">
        <summary className="cursor-pointer">How the schedule works</summary>
        <p className="mt-2">
          A question you answer wrong in a quiz comes back the next day. Each time you answer a card it moves:
          wrong brings it back tomorrow; right sends it further out each time (the scheduler, FSRS, estimates
          how long you will remember it). Saying &ldquo;Sure&rdquo; sends a right answer further, &ldquo;Not
          sure&rdquo; brings it back sooner. The choices are shuffled every time.
        </p>
      </details>
    </main>
  );
}
