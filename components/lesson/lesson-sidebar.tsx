import Link from "next/link";
import { CompletionMark } from "@/components/progress/completion-mark";
import type { Course } from "@/lib/content/catalog";

/** The course's parts, current one marked; unpublished parts listed without a link. */
export function LessonSidebar({ course, current }: { course: Course; current: string }) {
  return (
    <nav aria-label={`${course.title}: parts`} className="text-sm">
      <p className="mb-2 font-semibold">
        <Link href={`/courses/${course.slug}`} className="text-[var(--fg)] no-underline hover:underline">
          {course.title}
        </Link>
      </p>
      <ol className="space-y-0.5">
        {course.parts.map((part) => (
          <li key={part.slug}>
            {part.lesson ? (
              <Link
                href={`/courses/${course.slug}/${part.slug}`}
                aria-current={part.slug === current ? "page" : undefined}
                className={`flex items-start gap-2 rounded-md px-2 py-1.5 no-underline ${part.slug === current ? "bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/25 dark:text-brand-100" : "text-[var(--fg-muted)] hover:bg-[var(--bg-soft)] hover:text-[var(--fg)]"}`}
              >
                <span className="w-6 shrink-0 text-right tabular-nums">{part.part}.</span>
                <span className="flex-1">{part.title}</span>
                <CompletionMark course={course.slug} lesson={part.slug} />
              </Link>
            ) : (
              <span className="flex items-start gap-2 px-2 py-1.5 text-[var(--fg-muted)]">
                <span className="w-6 shrink-0 text-right tabular-nums">{part.part}.</span>
                <span className="flex-1">
                  {part.title} <span className="text-xs">(coming soon)</span>
                </span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
