"use client";

import Link from "next/link";
import { useReviewStatus } from "./review-store";

/** The header's link to /review with the number of cards due (on phones, shown only when some are). */
export function ReviewLink() {
  const due = useReviewStatus().data?.due ?? 0;
  return (
    <Link
      href="/review"
      data-review-due={due}
      className={`${due > 0 ? "inline-flex" : "hidden sm:inline-flex"} items-center gap-1.5 rounded-md px-1.5 py-1.5 text-sm text-[var(--fg-muted)] no-underline hover:text-[var(--fg)] sm:px-2`}
    >
      Review
      {due > 0 ? (
        <span className="rounded-full bg-brand-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums">
          {due > 99 ? "99+" : due}
          <span className="sr-only"> due</span>
        </span>
      ) : null}
    </Link>
  );
}
