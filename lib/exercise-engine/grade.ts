// Grades a learner's Dockerfile against an exercise: the same static analysis as the stage
// explorer (no Docker engine, nothing is built or run), then each check in order. Input that
// can't be graded comes back as a message, never as an exception.

import { analyzeDockerfile } from "@/lib/docker/dockerfile";
import { type StageFile, stageFiles } from "@/lib/docker/dockerfile/files";
import { runCheck } from "./checks";
import type { ExerciseDefinition } from "./schema";
import type { CheckOutcome, GradeOutcome } from "./types";

/** Longest Dockerfile the grader reads; an exercise's answer is a few hundred bytes. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** Most stages the grader reads; exercises need two or three. */
export const MAX_SUBMISSION_STAGES = 50;
/** How long one grading may take before it gives up (it takes about a millisecond). */
export const GRADE_BUDGET_MS = 1000;

const FROM_LINE = /^[ \t]*from[ \t]/gim;

/** Why a submission can't be graded, or null when it can be. */
export function submissionProblem(source: string): string | null {
  // Far over the limit: say so without scanning megabytes.
  if (source.length > 4 * MAX_SUBMISSION_BYTES)
    return `The Dockerfile is over ${(4 * MAX_SUBMISSION_BYTES) / 1024} KB; the grader reads up to ${MAX_SUBMISSION_BYTES / 1024} KB. A Dockerfile for this exercise is a few dozen lines.`;
  if (source.trim() === "") return "The Dockerfile is empty. Start from the starter (Reset) and change it.";
  // NUL, other C0 controls (tab, newline and carriage return aside) or undecodable bytes: not text.
  let controls = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) controls++;
  }
  if (source.includes("\u0000") || controls > Math.max(8, source.length / 100))
    return "This doesn't look like a Dockerfile: it holds binary data. Paste the text of a Dockerfile.";
  const stages = source.match(FROM_LINE)?.length ?? 0;
  if (stages > MAX_SUBMISSION_STAGES)
    return `The Dockerfile has ${stages} FROM lines; the grader reads up to ${MAX_SUBMISSION_STAGES} stages. This exercise needs two or three.`;
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > MAX_SUBMISSION_BYTES)
    return `The Dockerfile is ${Math.ceil(bytes / 1024)} KB; the grader reads up to ${MAX_SUBMISSION_BYTES / 1024} KB. A Dockerfile for this exercise is a few dozen lines.`;
  return null;
}

/**
 * Analyses `source` and runs the exercise's checks on it. `ok: false` with a message for input
 * that can't be graded (empty, too large, binary, too many stages, no FROM, over the time budget).
 */
export function gradeExercise(
  definition: Pick<ExerciseDefinition, "checks" | "context" | "dockerignore">,
  source: string,
  options: { budgetMs?: number; now?: () => number } = {},
): GradeOutcome {
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? GRADE_BUDGET_MS;
  const start = now();
  try {
    const problem = submissionProblem(source);
    if (problem) return { ok: false, message: problem };
    const result = analyzeDockerfile(source);
    if (!result.ok)
      return {
        ok: false,
        message:
          result.error.code === "no-from"
            ? `${result.error.message} Checks need at least one stage to look at.`
            : result.error.message,
      };
    const analysis = result.analysis;
    const context = { files: definition.context, dockerignore: definition.dockerignore };
    let files: StageFile[][] | undefined;
    const input = {
      analysis,
      context,
      stageFiles: () => {
        files ??= stageFiles(analysis.stages, context, analysis.directives.escape);
        return files;
      },
    };
    const checks: CheckOutcome[] = [];
    for (const check of definition.checks) {
      if (now() - start > budget) return overBudget(budget);
      const outcome = runCheck(check, input);
      checks.push({
        id: check.id,
        passed: outcome.passed,
        description: check.description,
        line:
          outcome.line !== null && outcome.line >= 1 && outcome.line <= analysis.lineCount
            ? outcome.line
            : null,
        detail: outcome.detail,
        hintCount: check.hints.length,
      });
    }
    if (now() - start > budget) return overBudget(budget);
    return {
      ok: true,
      passed: checks.every((c) => c.passed),
      checks,
      estimatedFinalMb: analysis.estimatedSize?.mb ?? null,
    };
  } catch {
    // A bug in a check must not take the page down; the learner gets a message to retry with.
    return {
      ok: false,
      message: "The grader could not read this Dockerfile. Check it for typos and submit again.",
    };
  }
}

/** How many times the content pipeline grades an author's answer before it believes a time-out. */
export const AUTHOR_GRADE_TRIES = 3;

/**
 * Grades an author's own answer (the reference solution, the starter) for the content pipeline.
 * The budget is wall-clock time, so it measures the machine as well as the work: on a loaded
 * machine a grading of a few milliseconds can read a second (CI's did, in a `next build` beside a
 * browser suite on two cores). An outcome stopped by the budget is graded again, up to
 * AUTHOR_GRADE_TRIES times in all, and reported only when every try runs over: then the work
 * itself, not a stall, is too slow for a learner's submission of the same Dockerfile.
 */
export function gradeAuthorAnswer(
  definition: Pick<ExerciseDefinition, "checks" | "context" | "dockerignore">,
  source: string,
  options: { budgetMs?: number; now?: () => number } = {},
): GradeOutcome {
  let outcome = gradeExercise(definition, source, options);
  for (let tried = 1; tried < AUTHOR_GRADE_TRIES && !outcome.ok && outcome.overBudget; tried++)
    outcome = gradeExercise(definition, source, options);
  return outcome;
}

function overBudget(budget: number): GradeOutcome {
  return {
    ok: false,
    overBudget: true,
    message: `Grading took longer than ${budget / 1000} s and was stopped. Simplify the Dockerfile and submit again.`,
  };
}
