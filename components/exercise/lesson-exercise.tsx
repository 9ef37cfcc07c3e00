import type { ReactNode } from "react";
import { Island } from "@/components/islands/island";
import type { PublicExercise } from "@/lib/exercises/types";
import type { ExerciseResultView } from "@/lib/exercises/view";
import { ExerciseContext, ExerciseHeader, exerciseTitleId } from "./exercise-card";
import { ExerciseIsland } from "./exercise-island";

export type LessonExerciseProps = {
  /** The public view as JSON (the Exercise element's attribute in the lesson tree). */
  exercise: string;
  starterHtml: string;
  dockerignoreHtml?: string;
  /** The task, rendered from the lesson tree. */
  children?: ReactNode;
  course: string;
  lesson: string;
  /** On the exercise's own page: the learner's attempt and the solution when the rule allows it. */
  initial?: { source: string; result: ExerciseResultView | null; solution: string | null };
  submissionId?: string;
  /**
   * Render the island in place, as part of the page's own React tree (the exercise's own page,
   * rendered per request), instead of as a lesson-body island mounted on its own: there the
   * island's import would suspend, and without JavaScript a suspended part is never shown.
   */
  inPlace?: boolean;
};

/**
 * An exercise where a lesson places it: the card's server-rendered title, task and build context
 * (lesson HTML, sent once), then the learner's island (the editor, results, hints and solution),
 * mounted on its own like every island of a lesson body. The card's highlighted starter is not
 * repeated: the editor starts with it.
 */
export function LessonExercise({
  exercise: json,
  dockerignoreHtml,
  children,
  inPlace = false,
  ...rest
}: LessonExerciseProps) {
  const exercise = JSON.parse(json) as PublicExercise;
  const props = {
    exercise,
    course: rest.course,
    lesson: rest.lesson,
    ...(rest.initial ? { initial: rest.initial } : {}),
    ...(rest.submissionId ? { submissionId: rest.submissionId } : {}),
  };
  return (
    <section
      aria-labelledby={exerciseTitleId(exercise)}
      className="exercise"
      data-exercise={exercise.id}
      data-version={exercise.version}
      id={`exercise-${exercise.id}`}
    >
      <ExerciseHeader exercise={exercise}>{children}</ExerciseHeader>
      <ExerciseContext exercise={exercise} dockerignoreHtml={dockerignoreHtml} />
      {inPlace ? <ExerciseIsland {...props} /> : <Island name="exercise" props={props} />}
    </section>
  );
}
