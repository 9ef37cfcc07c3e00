"use client";

import Link from "next/link";
import { CompletionMark } from "@/components/progress/completion-mark";

export type PartsNavPart = { part: number; slug: string; title: string; published: boolean };

/**
 * The course's parts, current one marked; unpublished parts listed without a link. A client
 * component so the page's RSC payload carries this list as data, not as its rendered elements
 * (its HTML is the same: server-rendered, then hydrated).
 */
export function PartsNav({
  course,
  parts,
  current,
}: {
  course: { slug: string; title: string };
  parts: PartsNavPart[];
  current: string;
}) {
  return (
    <nav aria-label={`${course.title}: parts`} className="text-sm">
      <p className="mb-2 font-semibold">
        <Link href={`/courses/${course.slug}`} className="text-[var(--fg)] no-underline hover:underline">
          {course.title}
        </Link>
      </p>
      <ol className="space-y-0.5">
        {parts.map((part) => (
          <li key={part.slug}>
            {part.published ? (
              <Link
                href={`/courses/${course.slug}/${part.slug}`}
                aria-current={part.slug === current ? "page" : undefined}
                className="part-link"
              >
                <span className="part-number">{`${part.part}.`}</span>
                <span className="flex-1">{part.title}</span>
                <CompletionMark course={course.slug} lesson={part.slug} />
              </Link>
            ) : (
              <span className="flex items-start gap-2 px-2 py-1.5 text-[var(--fg-muted)]">
                <span className="part-number">{`${part.part}.`}</span>
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
