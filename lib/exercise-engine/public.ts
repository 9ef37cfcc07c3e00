import { createHash } from "node:crypto";
import type { ExerciseDefinition } from "./schema";
import type { PublicExercise } from "./types";

/** The exercise's version: a hash of its whole definition (checks, hints, solution), so any edit makes a new one. */
export function exerciseVersion(definition: ExerciseDefinition): string {
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex").slice(0, 12);
}

/**
 * What the page may carry before the learner submits: no check parameters, no descriptions, no
 * hints, no solution. The task travels as lesson-tree children of the Exercise element instead.
 */
export function toPublicExercise(definition: ExerciseDefinition): PublicExercise {
  return {
    id: definition.id,
    title: definition.title,
    starter: definition.starter,
    ...(definition.dockerignore !== undefined ? { dockerignore: definition.dockerignore } : {}),
    ...(definition.context ? { context: [...definition.context] } : {}),
    checkCount: definition.checks.length,
    revealAfterAttempts: definition.revealAfterAttempts,
    version: exerciseVersion(definition),
  };
}

/** Hint `index` (0-based) of a check, or null when there is no such check or hint. */
export function exerciseHint(definition: ExerciseDefinition, checkId: string, index: number): string | null {
  if (!Number.isInteger(index) || index < 0) return null;
  return definition.checks.find((c) => c.id === checkId)?.hints[index] ?? null;
}

/** The reference solution (for "Show solution", once the reveal rule allows it). */
export function exerciseSolution(definition: ExerciseDefinition): string {
  return definition.solution;
}
