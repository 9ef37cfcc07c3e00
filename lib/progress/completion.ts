/**
 * What completes a lesson, as the progress writes apply it: a passed quiz, every exercise passed,
 * or both. lib/exercises/completion.ts builds it from the lesson's frontmatter `completion`
 * (default both when the lesson has both).
 */
export type CompletionRule = {
  /** A passed quiz of the lesson is required. */
  quiz: boolean;
  /** Every one of these exercises (by id) must have passed; empty when exercises do not count. */
  exercises: string[];
};
