import type { ReactNode } from "react";
import type { PublicExercise } from "@/lib/exercises/types";
import type { ExerciseResultView } from "@/lib/exercises/view";
import { ExerciseContext, ExerciseHeader } from "./exercise-card";
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
};

/**
 * An exercise where a lesson places it: the card's server-rendered title, task and build context
 * inside the learner's island (the editor, results, hints and solution). The card's highlighted
 * starter is not repeated: the editor starts with it.
 */
export function LessonExercise({ exercise: json, dockerignoreHtml, children, ...rest }: LessonExerciseProps) {
  const exercise = JSON.parse(json) as PublicExercise;
  return (
    <ExerciseIsland
      exercise={exercise}
      course={rest.course}
      lesson={rest.lesson}
      initial={rest.initial}
      submissionId={rest.submissionId}
      header={<ExerciseHeader exercise={exercise}>{children}</ExerciseHeader>}
      context={<ExerciseContext exercise={exercise} dockerignoreHtml={dockerignoreHtml} />}
    />
  );
}
