/**
 * The shapes exercises share between the content pipeline (which extracts and validates them),
 * the grader (which runs their checks on a learner's Dockerfile) and the learner's island and
 * writes (which show and store the outcome). Plain types, safe to import from client code.
 *
 * What stays on the server: the checks' parameters, every hint not yet asked for, and the
 * reference solution (ExerciseDefinition). What a page may carry: PublicExercise.
 */

/** The public view of an exercise: everything the page may send before the learner submits. */
export type PublicExercise = {
  /** Unique within its lesson (a slug). */
  id: string;
  title: string;
  // The task is not here: it travels as the Exercise element's children in the lesson tree,
  // rendered by the one lesson renderer (components/mdx/render-lesson.tsx) like any Markdown.
  /** The Dockerfile the editor starts with (and "Reset" returns to). */
  starter: string;
  /** Optional .dockerignore shown beside the starter (read-only). */
  dockerignore?: string;
  /** Optional listing of the build context, one path per entry (read-only). */
  context?: string[];
  /** How many checks there are (their descriptions are shown with the first result). */
  checkCount: number;
  /** After how many failed attempts "Show solution" is offered (passing always offers it). */
  revealAfterAttempts: number;
  /** A hash of the whole definition (checks, hints, solution included): any edit makes a new one. */
  version: string;
};

/** One check's outcome on one submission. */
export type CheckOutcome = {
  /** The check's id within the exercise (stable across submissions of one version). */
  id: string;
  passed: boolean;
  /** The learner-facing description the author wrote ("The final image runs as a non-root user"). */
  description: string;
  /** 1-based line of the submitted Dockerfile the outcome concerns, when there is one. */
  line: number | null;
  /** A short, specific sentence on what was found (e.g. "stage 2 ships /usr/bin/gcc"), or null. */
  detail: string | null;
  /** How many hints the author wrote for this check (the text is asked for one at a time). */
  hintCount: number;
};

/** The grader's answer for one submitted Dockerfile. */
export type GradeOutcome =
  | { ok: true; passed: boolean; checks: CheckOutcome[]; estimatedFinalMb: number | null }
  /** The submission could not be graded (empty, too large, binary, too many stages, over the time budget). */
  | {
      ok: false;
      message: string;
      /** Set when grading was stopped by its time budget rather than refused for its input. */
      overBudget?: true;
    };
