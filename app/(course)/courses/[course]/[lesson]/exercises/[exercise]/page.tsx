import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonExercise, type LessonExerciseProps } from "@/components/exercise/lesson-exercise";
import { lessonComponents } from "@/components/mdx/mdx-components";
import { renderLessonTree } from "@/components/mdx/render-lesson";
import { getLessonEntry } from "@/lib/content/catalog";
import { loadLesson } from "@/lib/content/load";
import { findExerciseElement } from "@/lib/exercises/element";
import { findExercise } from "@/lib/exercises/lookup";
import { exercisePageState } from "@/lib/exercises/state";

type Params = { course: string; lesson: string; exercise: string };
type Search = { attempt?: string | string[]; solution?: string | string[]; error?: string | string[] };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { course, lesson, exercise } = await params;
  const found = getLessonEntry(course, lesson) ? await findExercise(course, lesson, exercise) : null;
  return found ? { title: `Exercise: ${found.exercise.title}`, robots: { index: false } } : {};
}

/** The lesson's components, with the exercise given this learner's attempt and a fresh submission id. */
function pageComponents(extra: Pick<LessonExerciseProps, "course" | "lesson" | "initial" | "submissionId">) {
  return {
    ...lessonComponents({ course: extra.course, lesson: extra.lesson }),
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free server wrapper that binds this learner's attempt to the island
    Exercise: (props: Omit<LessonExerciseProps, keyof typeof extra>) => (
      <LessonExercise {...props} {...extra} inPlace />
    ),
  };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

/**
 * One exercise on its own page, rendered per request for this learner: where the form without
 * JavaScript lands (its permalink) with the attempt's result, the hints asked for and, when the
 * reveal rule allows and the page asks, the solution. With JavaScript it works like the lesson's.
 */
export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const { course, lesson, exercise: exerciseId } = await params;
  const query = await searchParams;
  const entry = getLessonEntry(course, lesson);
  if (!entry) notFound();
  const [found, compiled] = await Promise.all([
    findExercise(course, lesson, exerciseId),
    loadLesson(entry.lesson),
  ]);
  const element = found ? findExerciseElement(compiled.tree, exerciseId) : null;
  if (!found || !element) notFound();
  const key = { course, lesson, exerciseId };
  const initial = await exercisePageState(found, key, {
    attempt: one(query.attempt),
    solution: one(query.solution) === "1",
  });
  const components = pageComponents({
    course,
    lesson,
    initial: initial ?? undefined,
    submissionId: randomUUID(),
  });

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href={`/courses/${course}/${lesson}#exercise-${exerciseId}`}>
          ← Part {entry.lesson.part}: {entry.lesson.title}
        </Link>
      </p>
      {one(query.error) ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          That hint could not be shown; check your Dockerfile again, then ask once more.
        </p>
      ) : null}
      <div className="lesson-prose">{renderLessonTree([element], components)}</div>
    </main>
  );
}
