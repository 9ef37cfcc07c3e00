import type { Course } from "@/lib/content/catalog";
import { PartsNav } from "./parts-nav";

/**
 * The course's parts beside a lesson, in one <details>: on phones a disclosure ("All parts of
 * this course"), from lg up always shown as the column (app/lesson.css, `.parts-disclosure`), so
 * the list is in the page once.
 */
export function LessonSidebar({ course, current }: { course: Course; current: string }) {
  const parts = course.parts.map(({ part, slug, title, lesson }) => ({
    part,
    slug,
    title,
    published: lesson !== null,
  }));
  return (
    <details className="parts-disclosure rounded-lg border border-[var(--border)] p-3 lg:border-0 lg:p-0">
      <summary className="cursor-pointer text-sm font-medium">All parts of this course</summary>
      <div className="mt-3 lg:mt-0">
        <PartsNav course={{ slug: course.slug, title: course.title }} parts={parts} current={current} />
      </div>
    </details>
  );
}
