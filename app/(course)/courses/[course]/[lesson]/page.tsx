import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CommentCount, CommentThread } from "@/components/comments/comment-thread";
import { handOverLessonBody } from "@/components/lesson/body-handoff";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonSidebar } from "@/components/lesson/lesson-sidebar";
import { Pager } from "@/components/lesson/pager";
import { SectionLanding } from "@/components/lesson/section-landing";
import { ContentsMenu, TableOfContents } from "@/components/lesson/toc";
import { MarkComplete } from "@/components/progress/mark-complete";
import { VisitTracker } from "@/components/progress/visit-tracker";
import { SearchHighlights } from "@/components/search/search-highlights";
import { getCatalog, getLessonEntry } from "@/lib/content/catalog";
import { loadLesson } from "@/lib/content/load";

type Params = { course: string; lesson: string };

// Every published lesson is prerendered at build time; anything else is a 404.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getCatalog().flatMap((c) => c.lessons.map((l) => ({ course: c.slug, lesson: l.slug })));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { course, lesson } = await params;
  const entry = getLessonEntry(course, lesson);
  if (!entry) return {};
  const url = `/courses/${course}/${lesson}`;
  const title = `Part ${entry.lesson.part}: ${entry.lesson.title}`;
  return {
    title,
    description: entry.lesson.summary,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title,
      description: entry.lesson.summary,
      url,
      modifiedTime: entry.lesson.updated,
    },
  };
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { course: courseSlug, lesson: lessonSlug } = await params;
  const entry = getLessonEntry(courseSlug, lessonSlug);
  if (!entry) notFound();
  const { course, lesson, previous, next } = entry;
  const compiled = await loadLesson(lesson);
  // The body is server HTML sent once: its tree goes to the HTML render, not into the payload.
  const bodyKey = handOverLessonBody({ tree: compiled.tree, course: course.slug, lesson: lesson.slug });

  return (
    <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[13rem_minmax(0,1fr)_12rem]">
      <aside className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
        <LessonSidebar course={course} current={lesson.slug} />
      </aside>

      <main className="min-w-0">
        {compiled.headings.length > 0 ? <ContentsMenu headings={compiled.headings} /> : null}
        <article>
          <LessonHeader
            partLabel={`Part ${lesson.part} of ${course.parts.length}`}
            title={lesson.title}
            summary={lesson.summary}
            readingMinutes={compiled.readingMinutes}
            updated={lesson.updated}
            objectives={lesson.objectives}
            level={1}
            extra={<CommentCount course={course.slug} lesson={lesson.slug} />}
          />

          <LessonBody key={bodyKey} bodyKey={bodyKey} />

          {/* Reads the query string: outside the prerendered HTML, filled in the browser. */}
          <Suspense fallback={null}>
            <SearchHighlights course={course.slug} lesson={lesson.slug} />
          </Suspense>

          <footer className="mt-12 border-t border-[var(--border)] pt-6">
            <MarkComplete course={course.slug} lesson={lesson.slug} />
          </footer>
        </article>
        <Pager course={course.slug} previous={previous} next={next} />
        <section id="discussion" aria-labelledby="discussion-title" className="mt-14 scroll-mt-20">
          <h2 id="discussion-title" className="mb-4 text-2xl font-bold">
            Discussion
          </h2>
          <noscript>
            <p>
              <a href={`/courses/${course.slug}/${lesson.slug}/discussion`}>Read and join the discussion</a>{" "}
              (works without JavaScript).
            </p>
          </noscript>
          <CommentThread course={course.slug} lesson={lesson.slug} />
        </section>
        <VisitTracker course={course.slug} lesson={lesson.slug} />
        <SectionLanding />
      </main>

      {compiled.headings.length > 0 ? (
        <aside className="hidden xl:sticky xl:top-20 xl:block xl:max-h-[calc(100vh-6rem)] xl:self-start xl:overflow-y-auto">
          <TableOfContents headings={compiled.headings} />
        </aside>
      ) : null}
    </div>
  );
}
