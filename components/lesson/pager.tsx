import Link from "next/link";
import type { LessonEntry } from "@/lib/content/catalog";

/** Previous/next part links at the end of a lesson. */
export function Pager({
  course,
  previous,
  next,
}: {
  course: string;
  previous: LessonEntry | null;
  next: LessonEntry | null;
}) {
  const card =
    "flex min-w-0 flex-1 flex-col rounded-lg border border-[var(--border)] px-4 py-3 no-underline hover:border-brand-500";
  return (
    <nav aria-label="Previous and next part" className="mt-12 flex flex-col gap-3 sm:flex-row">
      {previous ? (
        <Link href={`/courses/${course}/${previous.slug}`} rel="prev" className={card}>
          <span className="text-sm text-[var(--fg-muted)]">← Previous: Part {previous.part}</span>
          <span className="font-medium text-[var(--fg)]">{previous.title}</span>
        </Link>
      ) : (
        <span className="hidden flex-1 sm:block" />
      )}
      {next ? (
        <Link href={`/courses/${course}/${next.slug}`} rel="next" className={`${card} sm:text-right`}>
          <span className="text-sm text-[var(--fg-muted)]">Next: Part {next.part} →</span>
          <span className="font-medium text-[var(--fg)]">{next.title}</span>
        </Link>
      ) : (
        <span className="hidden flex-1 sm:block" />
      )}
    </nav>
  );
}
