import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompletionMark } from "@/components/progress/completion-mark";
import { CourseCta } from "@/components/progress/course-cta";
import { CourseProgress } from "@/components/progress/course-progress";
import { getCatalog, getCourse } from "@/lib/content/catalog";
import { formatMinutes } from "@/lib/format/dates";

export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().map((c) => ({ course: c.slug }));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ course: string }>;
}): Promise<Metadata> {
  const course = getCourse((await params).course);
  if (!course) return {};
  return {
    title: course.title,
    description: course.description,
    alternates: { canonical: `/courses/${course.slug}` },
    openGraph: { title: course.title, description: course.description, url: `/courses/${course.slug}` },
  };
}

export default async function CoursePage({ params }: { params: Promise<{ course: string }> }) {
  const course = getCourse((await params).course);
  if (!course) notFound();
  const lessons = course.lessons.map((l) => ({ slug: l.slug, part: l.part }));
  return (
    <main className="mx-auto max-w-4xl px-4 py-12 sm:px-6">
      <p className="text-sm font-medium text-[var(--fg-muted)]">
        <span className="capitalize">{course.level}</span> · {course.parts.length} parts ·{" "}
        <span>{formatMinutes(course.totalMinutes)}</span>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{course.title}</h1>
      <p className="mt-3 text-lg text-[var(--fg-muted)]">{course.description}</p>
      <div className="mt-6 grid gap-4">
        <CourseProgress course={course.slug} lessons={course.lessons.map((l) => l.slug)} />
        <div className="flex flex-wrap gap-3">
          <CourseCta course={course.slug} lessons={lessons} />
        </div>
      </div>
      <h2 className="mt-12 text-xl font-semibold">Parts</h2>
      <ol className="mt-4 grid gap-3">
        {course.parts.map((part) => (
          <li key={part.slug} className="rounded-lg border border-[var(--border)] p-4" data-part={part.part}>
            <div className="flex items-start gap-3">
              <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-[var(--bg-soft)] text-sm font-semibold tabular-nums">
                {part.part}
              </span>
              <div className="min-w-0 flex-1">
                <h3 className="flex items-center gap-2 font-semibold">
                  {part.lesson ? (
                    <Link
                      href={`/courses/${course.slug}/${part.slug}`}
                      className="text-[var(--fg)] no-underline hover:underline"
                    >
                      {part.title}
                    </Link>
                  ) : (
                    <span className="text-[var(--fg-muted)]">{part.title}</span>
                  )}
                  <CompletionMark course={course.slug} lesson={part.slug} />
                </h3>
                {part.lesson ? (
                  <>
                    <p className="mt-1 text-[var(--fg-muted)]">{part.lesson.summary}</p>
                    <p className="mt-1 text-sm text-[var(--fg-muted)]">
                      {formatMinutes(part.lesson.minutes ?? 0)}
                    </p>
                  </>
                ) : (
                  <p className="mt-1 text-sm text-[var(--fg-muted)]">Coming soon</p>
                )}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}
