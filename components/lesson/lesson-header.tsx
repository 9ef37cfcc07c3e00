import type { ReactNode } from "react";
import { formatDate, formatMinutes } from "@/lib/format/dates";

type LessonHeaderProps = {
  /** "Part 7 of 10" on the site, "Part 7 · draft" in the instructor preview. */
  partLabel: string;
  title: string;
  summary: string;
  readingMinutes: number;
  updated: string;
  objectives: string[];
  /** 1 on the lesson page; 2 where the lesson sits inside another page (the preview). */
  level: 1 | 2;
  /** Extra facts after the reading time and date (the lesson page's comment count). */
  extra?: ReactNode;
};

/** A lesson's header: part, title, summary, reading time, date and objectives. */
export function LessonHeader({
  partLabel,
  title,
  summary,
  readingMinutes,
  updated,
  objectives,
  level,
  extra,
}: LessonHeaderProps) {
  const ObjectivesHeading = level === 1 ? "h2" : "p";
  return (
    <header className="mb-8 border-b border-[var(--border)] pb-6">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">{partLabel}</p>
      {level === 1 ? (
        <h1 className="mt-1 text-3xl leading-tight font-bold tracking-tight sm:text-4xl">{title}</h1>
      ) : (
        <h2 className="mt-1 text-3xl leading-tight font-bold tracking-tight">{title}</h2>
      )}
      <p className="mt-3 text-lg text-[var(--fg-muted)]">{summary}</p>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-[var(--fg-muted)]">
        <span>{formatMinutes(readingMinutes)} read</span>
        <span>
          Updated <time dateTime={updated}>{formatDate(updated)}</time>
        </span>
        {extra}
      </p>
      <section aria-label="Learning objectives" className="mt-5 rounded-lg bg-[var(--bg-soft)] px-4 py-3">
        <ObjectivesHeading className="text-sm font-semibold">In this part you will</ObjectivesHeading>
        <ul className="mt-1 list-disc pl-5 text-[0.95rem]">
          {objectives.map((o, i) => (
            // A fixed list: the text as its key travelled twice in the RSC payload.
            <li key={i}>{o}</li>
          ))}
        </ul>
      </section>
    </header>
  );
}
