import type { ServerDraft } from "./draft-sync";
import type { CheckOutcome } from "./types";

// What the learner's island receives from the server: plain types, safe in client code.

/** A check's outcome with the hints the learner may see now: the first of a failed check, and those asked for. */
export type CheckView = CheckOutcome & { hints: string[] };

/** A graded attempt as the learner sees it. */
export type ExerciseResultView = {
  attemptId: string;
  version: string;
  /** True when this submission id had already been recorded (a double submit): not counted twice. */
  repeated: boolean;
  passed: boolean;
  checks: CheckView[];
  estimatedFinalMb: number | null;
  /** The learner's attempts at this version so far (this one included). */
  attempts: number;
  /** The reveal rule: passed, or at least revealAfterAttempts attempts. */
  solutionAvailable: boolean;
  /** This attempt completed the lesson (by its completion rule). */
  completedLesson: boolean;
  at: string;
};

/** What the island loads for a returning learner: the account's draft and the latest result. */
export type ExerciseState = {
  draft: ServerDraft | null;
  latest: (ExerciseResultView & { source: string }) | null;
};

/** The key of a browser's draft in localStorage. */
export const draftStorageKey = (course: string, lesson: string, exerciseId: string) =>
  `lectern:exercise-draft:${course}/${lesson}/${exerciseId}`;
