import type { StoredExerciseAttempt } from "./attempts";
import { exerciseHint } from "./public";
import type { ExerciseDefinition } from "./schema";
import type { CheckView, ExerciseResultView } from "./view";

/** The reveal rule (decision 029, after 023): the solution opens after passing, or after N attempts. */
export function mayRevealSolution(
  exercise: Pick<ExerciseDefinition, "revealAfterAttempts">,
  history: { attempts: number; passed: boolean },
): boolean {
  return history.passed || history.attempts >= exercise.revealAfterAttempts;
}

/**
 * The hints a learner may see for a check now: none for a passed check; for a failed one the
 * first, and every further one they asked for (`asked`: the highest index asked, 0 for none).
 * Hints not asked for never leave the server.
 */
export function visibleHints(
  exercise: ExerciseDefinition,
  checkId: string,
  passed: boolean,
  asked: number,
): string[] {
  if (passed) return [];
  const hints: string[] = [];
  for (let i = 0; i <= asked; i++) {
    const hint = exerciseHint(exercise, checkId, i);
    if (hint === null) break;
    hints.push(hint);
  }
  return hints;
}

/** A stored attempt as the learner sees it, with the hints they may see and the reveal rule applied. */
export function resultView(
  exercise: ExerciseDefinition,
  attempt: StoredExerciseAttempt,
  k: {
    history: { attempts: number; passed: boolean };
    asked: Record<string, number>;
    repeated: boolean;
    completedLesson: boolean;
    estimatedFinalMb: number | null;
  },
): ExerciseResultView {
  const checks: CheckView[] = attempt.checks.map((c) => ({
    ...c,
    hints: visibleHints(exercise, c.id, c.passed, k.asked[c.id] ?? 0),
  }));
  return {
    attemptId: attempt.id,
    version: attempt.exerciseVersion,
    repeated: k.repeated,
    passed: attempt.passed,
    checks,
    estimatedFinalMb: k.estimatedFinalMb,
    attempts: k.history.attempts,
    solutionAvailable: mayRevealSolution(exercise, k.history),
    completedLesson: k.completedLesson,
    at: attempt.createdAt.toISOString(),
  };
}
