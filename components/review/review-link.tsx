"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useReviewStatus } from "./review-store";

function Count({ due }: { due: number }) {
  return (
    <span className="rounded-full bg-brand-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums">
      {due > 99 ? "99+" : due}
      <span className="sr-only"> due</span>
    </span>
  );
}

/** The desktop header's Review section, with the number of cards due beside it when some are. */
export function ReviewLink() {
  const due = useReviewStatus().data?.due ?? 0;
  return (
    <IntentLink
      href="/review"
      data-review-due={due}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-[var(--fg-muted)] no-underline hover:text-[var(--fg)]"
    >
      Review
      {due > 0 ? <Count due={due} /> : null}
    </IntentLink>
  );
}

/**
 * On a phone, where Review sits in the header's menu: the number of cards due (its name says
 * "Review: 3 due"), as a link to /review, shown only when some are.
 */
export function ReviewDueBadge() {
  const due = useReviewStatus().data?.due ?? 0;
  if (due === 0) return null;
  return (
    <IntentLink
      href="/review"
      data-review-due={due}
      className="inline-flex shrink-0 items-center rounded-md px-1 py-1.5 text-sm no-underline sm:hidden"
    >
      {/* Only the count fits beside the phone's menu, search, theme and account buttons. */}
      <span className="sr-only">Review: </span>
      <Count due={due} />
    </IntentLink>
  );
}
