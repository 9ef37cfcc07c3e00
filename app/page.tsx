import Link from "next/link";
import { ContinueLink } from "@/components/progress/continue-link";
import { buttonClassName } from "@/components/ui/button";
import { getCatalog } from "@/lib/content/catalog";
import { formatMinutes } from "@/lib/format/dates";

export default function CatalogPage() {
  const courses = getCatalog();
  return (
    <main className="mx-auto max-w-5xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Courses</h1>
      <p className="mt-3 max-w-2xl text-lg text-[var(--fg-muted)]">
        Read at your pace, check yourself with quizzes graded on the server, and try the ideas in interactive
        tools. No account needed to start; your progress is kept in this browser until you sign up.
      </p>
      <ul className="mt-10 grid gap-6">
        {courses.map((course) => (
          <li key={course.slug} className="rounded-xl border border-[var(--border)] p-6">
            <h2 className="text-xl font-semibold">
              <Link
                href={`/courses/${course.slug}`}
                className="text-[var(--fg)] no-underline hover:underline"
              >
                {course.title}
              </Link>
            </h2>
            <p className="mt-2 text-[var(--fg-muted)]">{course.description}</p>
            <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-[var(--fg-muted)]">
              <div className="flex gap-1">
                <dt>Parts:</dt>
                <dd className="font-medium text-[var(--fg)]">{course.parts.length}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Published:</dt>
                <dd className="font-medium text-[var(--fg)]">{course.lessons.length}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Total time:</dt>
                <dd className="font-medium text-[var(--fg)]">{formatMinutes(course.totalMinutes)}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Level:</dt>
                <dd className="font-medium text-[var(--fg)] capitalize">{course.level}</dd>
              </div>
            </dl>
            <div className="mt-5 flex flex-wrap items-center gap-3">
              <Link href={`/courses/${course.slug}`} className={buttonClassName({ className: "text-sm" })}>
                View course
              </Link>
              <ContinueLink
                course={course.slug}
                lessons={course.lessons.map((l) => ({ slug: l.slug, title: l.title, part: l.part }))}
              />
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
