"use client";

import { useCourseProgress } from "./learner-store";

/** A checkmark beside a part the learner has completed (with text for screen readers). */
export function CompletionMark({ course, lesson }: { course: string; lesson: string }) {
  const { data } = useCourseProgress(course);
  if (!data?.lessons[lesson]?.completed) return null;
  return (
    <span
      className="inline-flex shrink-0 items-center text-emerald-700 dark:text-emerald-400"
      data-completed={lesson}
    >
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        aria-hidden="true"
      >
        <path d="M20 6 9 17l-5-5" />
      </svg>
      <span className="sr-only">(completed)</span>
    </span>
  );
}
