import { lessonComponents, type MdxComponents } from "@/components/mdx/mdx-components";
import { MdxContent } from "@/components/mdx/mdx-content";
import { QuizIsland } from "@/components/quiz/quiz-island";
import type { CompiledLesson } from "@/lib/content/compile";
import { formatDate, formatMinutes } from "@/lib/format/dates";
import type { PublicQuiz } from "@/lib/quiz/schema";
import { AnswerKey } from "./answer-key";

/** A course slug no course has: a quiz island in the preview has nothing to report progress to. */
const PREVIEW_COURSE = "instructor-preview";

/**
 * The lesson map of components (the same code blocks, callouts, tabs and Docker widgets as
 * lesson pages), except that each quiz is shown read-only with its answer key under it.
 */
function previewComponents(lesson: CompiledLesson): MdxComponents {
  const base = lessonComponents({ course: PREVIEW_COURSE, lesson: lesson.frontmatter.slug });
  return {
    ...base,
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free server wrapper that adds the key
    Quiz: ({ quiz }: { quiz: string }) => {
      const view = JSON.parse(quiz) as PublicQuiz;
      const definition = lesson.quizzes.find((q) => q.id === view.id);
      return (
        <div data-preview-quiz={view.id}>
          <p className="not-prose mt-10 mb-[-2rem] text-sm text-[var(--fg-muted)]">
            Preview: the quiz is shown as learners see it, read-only; nothing is graded or stored.
          </p>
          <fieldset disabled className="m-0 min-w-0 border-0 p-0">
            <legend className="sr-only">Quiz preview (read-only)</legend>
            <QuizIsland quiz={view} course={PREVIEW_COURSE} lesson={lesson.frontmatter.slug} />
          </fieldset>
          {definition ? <AnswerKey quiz={definition} /> : null}
        </div>
      );
    },
  };
}

/**
 * A compiled lesson rendered on the server exactly as its page renders it (header, then the
 * MDX through MdxContent), for the instructor preview. Returned from the preview action as
 * React Server Components, so the compiled code is evaluated only here on the server.
 */
export function PreviewDocument({ lesson }: { lesson: CompiledLesson }) {
  const fm = lesson.frontmatter;
  return (
    <article data-preview-lesson={fm.slug}>
      <header className="mb-8 border-b border-[var(--border)] pb-6">
        <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">
          Part {fm.part}
          {fm.draft ? " · draft" : ""}
        </p>
        <h2 className="mt-1 text-3xl leading-tight font-bold tracking-tight">{fm.title}</h2>
        <p className="mt-3 text-lg text-[var(--fg-muted)]">{fm.summary}</p>
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-[var(--fg-muted)]">
          <span>{formatMinutes(lesson.readingMinutes)} read</span>
          <span>
            Updated <time dateTime={fm.updated}>{formatDate(fm.updated)}</time>
          </span>
        </p>
        <section aria-label="Learning objectives" className="mt-5 rounded-lg bg-[var(--bg-soft)] px-4 py-3">
          <p className="text-sm font-semibold">In this part you will</p>
          <ul className="mt-1 list-disc pl-5 text-[0.95rem]">
            {fm.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      </header>
      <div className="lesson-prose">
        <MdxContent code={lesson.code} components={previewComponents(lesson)} />
      </div>
    </article>
  );
}
