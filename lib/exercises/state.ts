import "server-only";
import { currentLearnerId } from "@/lib/auth/identity";
import { SlugSchema } from "@/lib/content/slug";
import {
  exerciseHistory,
  hintsAsked,
  latestAttempt,
  ownAttempt,
  type StoredExerciseAttempt,
} from "./attempts";
import { loadDraft, serverDraftView } from "./drafts";
import { findExercise } from "./lookup";
import { exerciseSolution } from "./public";
import { mayRevealSolution, resultView } from "./results";
import type { ExerciseResultView, ExerciseState } from "./view";

type Found = NonNullable<Awaited<ReturnType<typeof findExercise>>>;

async function viewOf(
  found: Found,
  learnerId: string,
  key: { course: string; lesson: string; exerciseId: string },
  attempt: StoredExerciseAttempt,
) {
  const versionKey = { ...key, learnerId, version: attempt.exerciseVersion };
  const [history, asked] = await Promise.all([exerciseHistory(versionKey), hintsAsked(versionKey)]);
  const view = resultView(found.exercise, attempt, {
    history,
    asked,
    repeated: false,
    completedLesson: false,
    estimatedFinalMb: null,
  });
  return { view, history };
}

/**
 * A returning learner's exercise: their account's draft and their latest attempt on the current
 * version, as they may see it (hints asked for, the reveal rule). Null when there is no such exercise.
 */
export async function exerciseState(
  course: string,
  lesson: string,
  exerciseId: string,
): Promise<ExerciseState | null> {
  if (![course, lesson, exerciseId].every((s) => SlugSchema.safeParse(s).success)) return null;
  const found = await findExercise(course, lesson, exerciseId);
  if (!found) return null;
  const learnerId = await currentLearnerId();
  if (!learnerId) return { draft: null, latest: null };
  const key = { course, lesson, exerciseId };
  const [draft, latest] = await Promise.all([
    loadDraft(learnerId, key),
    latestAttempt({ ...key, learnerId }),
  ]);
  const current = latest && latest.exerciseVersion === found.version ? latest : null;
  return {
    draft: draft ? serverDraftView(draft) : null,
    latest: current
      ? { ...(await viewOf(found, learnerId, key, current)).view, source: current.source }
      : null,
  };
}

/**
 * The exercise's own page for this learner: the attempt a link names (only their own), or their
 * latest; and the solution when the page asks for it and the reveal rule allows it.
 */
export async function exercisePageState(
  found: Found,
  key: { course: string; lesson: string; exerciseId: string },
  ask: { attempt: string | null; solution: boolean },
): Promise<{ source: string; result: ExerciseResultView | null; solution: string | null } | null> {
  const learnerId = await currentLearnerId();
  if (!learnerId) return null;
  const attempt = ask.attempt
    ? await ownAttempt({ ...key, learnerId }, ask.attempt)
    : await latestAttempt({ ...key, learnerId });
  if (!attempt || attempt.exerciseVersion !== found.version) return null;
  const { view, history } = await viewOf(found, learnerId, key, attempt);
  const solution =
    ask.solution && mayRevealSolution(found.exercise, history) ? exerciseSolution(found.exercise) : null;
  return { source: attempt.source, result: view, solution };
}
