import "server-only";
import { defineWrite, perLearner, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import type { CourseProgress } from "@/lib/progress/course-progress";
import { exerciseHistory, hintsAsked, recordExerciseAttempt, recordHintRequest } from "./attempts";
import { completionRuleFor } from "./completion";
import type { DraftSaveAnswer } from "./draft-sync";
import { saveDraft, serverDraftView } from "./drafts";
import { formSubmissionId } from "./form-submission";
import { gradeExercise } from "./grade";
import { findExercise } from "./lookup";
import { exerciseHint, exerciseSolution } from "./public";
import { mayRevealSolution, resultView } from "./results";
import type { ExerciseDefinition } from "./schema";
import {
  DraftSchema,
  ExerciseSubmissionSchema,
  HintRequestSchema,
  SolutionRequestSchema,
} from "./submission";
import type { ExerciseResultView } from "./view";

// The exercise writes, shared by the island's JSON routes (app/api/learner/exercise-*) and the
// form without JavaScript (lib/exercises/actions.ts), so both go through the one pipeline.

export type SubmitExerciseData = {
  result: ExerciseResultView;
  /** The learner's progress in the course after this attempt, so the page needs no second request. */
  progress: CourseProgress & { known: true };
};

type Target = { course: string; lesson: string; exerciseId: string; version: string };

/** The server's copy of the exercise the request names, at the version the learner saw; or a refusal. */
async function currentExercise(input: Target): Promise<{ exercise: ExerciseDefinition; version: string }> {
  const found = await findExercise(input.course, input.lesson, input.exerciseId);
  if (!found)
    throw new ActionError(
      "This exercise does not exist (it may have been removed); reload the page",
      undefined,
      404,
    );
  if (found.version !== input.version)
    throw new ActionError(
      "This exercise was updated since you opened the page. Copy your Dockerfile, then reload to get the new version; nothing was saved.",
      undefined,
      409,
    );
  return found;
}

const versionKey = (learnerId: string, input: Target) => ({
  learnerId,
  course: input.course,
  lesson: input.lesson,
  exerciseId: input.exerciseId,
  version: input.version,
});

/**
 * Grades a Dockerfile on the server and records the attempt once per learner and submission id.
 * A submission the grader cannot read (empty, too large, binary, too many stages, over its time
 * budget) is refused with the grader's message before anything is stored.
 */
export const submitExercise = defineWrite({
  name: "exercise.submit",
  schema: ExerciseSubmissionSchema,
  rateLimits: [perLearner("exerciseSubmit")],
  async authorize(_ctx, input) {
    const found = await currentExercise(input);
    const started = performance.now();
    const outcome = gradeExercise(found.exercise, input.source);
    const gradeMs = performance.now() - started;
    if (!outcome.ok) throw new ActionError(outcome.message, { source: outcome.message }, 422);
    return { ...found, outcome, gradeMs };
  },
  async write(ctx, input): Promise<SubmitExerciseData> {
    const learnerId = await ctx.learner();
    const key = versionKey(learnerId, input);
    const stored = await recordExerciseAttempt({
      ...key,
      submissionId: input.submissionId ?? (await formSubmissionId(key, input.source)),
      source: input.source,
      passed: ctx.outcome.passed,
      checks: ctx.outcome.checks,
      gradeMs: ctx.gradeMs,
      rule: await completionRuleFor(input.course, input.lesson),
    });
    const { history, asked, progress } = stored.read;
    return {
      result: resultView(ctx.exercise, stored.attempt, {
        history,
        asked,
        repeated: !stored.created,
        completedLesson: stored.completed,
        estimatedFinalMb: ctx.outcome.estimatedFinalMb,
      }),
      progress: { known: true, ...progress },
    };
  },
});

/** The learner's record on the exercise, refusing a learner who has not submitted it yet. */
async function submittedBy(ctx: WriteContext, input: Target) {
  const history = ctx.learnerId ? await exerciseHistory(versionKey(ctx.learnerId, input)) : null;
  if (!ctx.learnerId || !history || history.attempts === 0)
    throw new ActionError("Check your Dockerfile first: hints come with the results.", undefined, 403);
  return { learnerId: ctx.learnerId, history };
}

/**
 * Sends the next hint of a check and records the request. Hints come in order: asking for one
 * the learner has already seen sends it again; skipping ahead is refused.
 */
export const requestHint = defineWrite({
  name: "exercise.hint",
  schema: HintRequestSchema,
  rateLimits: [perLearner("exerciseHint")],
  async authorize(ctx, input) {
    const found = await currentExercise(input);
    const hint = exerciseHint(found.exercise, input.checkId, input.index);
    if (hint === null) throw new ActionError("This check has no more hints.", undefined, 404);
    const { learnerId } = await submittedBy(ctx, input);
    const asked = (await hintsAsked(versionKey(learnerId, input)))[input.checkId] ?? 0;
    if (input.index > asked + 1) throw new ActionError("Ask for the hints in order.", undefined, 409);
    return { hint, learnerId };
  },
  async write(ctx, input) {
    await recordHintRequest({
      ...versionKey(ctx.learnerId, input),
      checkId: input.checkId,
      index: input.index,
    });
    return { checkId: input.checkId, index: input.index, hint: ctx.hint };
  },
});

/** Sends the reference solution once the reveal rule allows it: after passing, or after N attempts. */
export const revealSolution = defineWrite({
  name: "exercise.solution",
  schema: SolutionRequestSchema,
  rateLimits: [perLearner("exerciseHint")],
  async authorize(ctx, input) {
    const found = await currentExercise(input);
    const { history } = await submittedBy(ctx, input);
    if (!mayRevealSolution(found.exercise, history))
      throw new ActionError(
        `The solution opens once you pass, or after ${found.exercise.revealAfterAttempts} attempts (${history.attempts} so far).`,
        undefined,
        403,
      );
    return found;
  },
  async write(ctx) {
    return { solution: exerciseSolution(ctx.exercise) };
  },
});

/**
 * Keeps a learner's draft of an exercise on the server: an account's, and an anonymous learner's
 * too, so that signing up or in carries it into the account (lib/progress/merge.ts). A save built
 * on a revision the server has moved past (another tab or device saved since) is not an error: the
 * answer carries the server's draft, which the island shows beside the learner's.
 */
export const saveExerciseDraft = defineWrite({
  name: "exercise.draft",
  schema: DraftSchema,
  rateLimits: [perLearner("exerciseDraft")],
  async authorize(_ctx, input) {
    if (!(await findExercise(input.course, input.lesson, input.exerciseId)))
      throw new ActionError(
        "This exercise does not exist (it may have been removed); reload the page",
        undefined,
        404,
      );
  },
  async write(ctx, input): Promise<DraftSaveAnswer> {
    const learnerId = await ctx.learner();
    const result = await saveDraft(learnerId, input, input.source, input.base, input.settles === "aside");
    return result.saved
      ? { saved: true, revision: result.revision, savedAt: result.updatedAt.toISOString() }
      : { saved: false, current: serverDraftView(result.current) };
  },
});
