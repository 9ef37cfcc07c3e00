"use client";

import { useCourseProgress } from "./learner-store";

/** Parts done out of the published total, as a bar with its numbers; a finished course says so. */
export function CourseProgress({ course, lessons }: { course: string; lessons: string[] }) {
  const { status, data } = useCourseProgress(course);
  const done = lessons.filter((slug) => data?.lessons[slug]?.completed).length;
  const total = lessons.length;
  const percent = total ? Math.round((done / total) * 100) : 0;
  if (status === "loading") return <div className="h-[3.25rem]" aria-hidden="true" />;
  return (
    <div className="course-progress" data-done={done} data-total={total}>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">
          {done === total && total > 0 ? "Course complete 🎉" : "Your progress"}
        </span>
        <span className="text-[var(--fg-muted)]">
          {done} of {total} parts done
        </span>
      </div>
      <div
        className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-[var(--bg-soft)] ring-1 ring-[var(--border)]"
        role="progressbar"
        aria-label="Course progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} parts done`}
      >
        <div
          className="h-full rounded-full bg-emerald-600 transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
