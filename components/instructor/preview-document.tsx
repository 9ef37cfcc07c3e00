import { LessonExercise, type LessonExerciseProps } from "@/components/exercise/lesson-exercise";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { type LessonComponentMap, lessonComponents } from "@/components/mdx/mdx-components";
import { renderLessonTree } from "@/components/mdx/render-lesson";
import { QuizIsland } from "@/components/quiz/quiz-island";
import type { CompiledLesson } from "@/lib/content/compile";
import type { PublicQuiz } from "@/lib/content/quiz-schema";
import { AnswerKey } from "./answer-key";

/** A course slug no course has: a quiz island in the preview has nothing to report progress to. */
const PREVIEW_COURSE = "instructor-preview";

/**
 * The lesson map of components (the same code blocks, callouts, tabs and Docker widgets as
 * lesson pages), except that each quiz is shown read-only with its answer key under it, and
 * each exercise read-only (a draft lesson has nothing to submit to).
 */
function previewComponents(lesson: CompiledLesson): LessonComponentMap {
  const base = lessonComponents({ course: PREVIEW_COURSE, lesson: lesson.frontmatter.slug });
  return {
    ...base,
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free server wrapper that makes the exercise read-only
    Exercise: (props: Omit<LessonExerciseProps, "course" | "lesson">) => (
      <div data-preview-exercise="">
        <fieldset disabled className="m-0 min-w-0 border-0 p-0">
          <legend className="sr-only">Exercise preview (read-only)</legend>
          <LessonExercise {...props} course={PREVIEW_COURSE} lesson={lesson.frontmatter.slug} />
        </fieldset>
      </div>
    ),
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free server wrapper that adds the key
    Quiz: ({ quiz, showTitle }: { quiz: string; showTitle?: string }) => {
      const view = JSON.parse(quiz) as PublicQuiz;
      const definition = lesson.quizzes.find((q) => q.id === view.id);
      return (
        <div data-preview-quiz={view.id}>
          <p className="not-prose mt-10 mb-[-2rem] text-sm text-[var(--fg-muted)]">
            Preview: the quiz is shown as learners see it, read-only; nothing is graded or stored.
          </p>
          <fieldset disabled className="m-0 min-w-0 border-0 p-0">
            <legend className="sr-only">Quiz preview (read-only)</legend>
            <QuizIsland
              quiz={view}
              course={PREVIEW_COURSE}
              lesson={lesson.frontmatter.slug}
              showTitle={showTitle !== "false"}
            />
          </fieldset>
          {definition ? <AnswerKey quiz={definition} /> : null}
        </div>
      );
    },
  };
}

/**
 * A compiled lesson rendered exactly as its page renders it (header, then the lesson tree
 * through renderLessonTree, the page's own renderer), for the instructor preview. Returned from
 * the preview action as React Server Components.
 */
export function PreviewDocument({ lesson }: { lesson: CompiledLesson }) {
  const fm = lesson.frontmatter;
  return (
    <article data-preview-lesson={fm.slug}>
      <LessonHeader
        partLabel={`Part ${fm.part}${fm.draft ? " · draft" : ""}`}
        title={fm.title}
        summary={fm.summary}
        readingMinutes={lesson.readingMinutes}
        updated={fm.updated}
        objectives={fm.objectives}
        level={2}
      />
      <div className="lesson-prose">{renderLessonTree(lesson.tree, previewComponents(lesson))}</div>
    </article>
  );
}
