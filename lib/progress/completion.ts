/**
 * What completes a lesson: its quiz passed, every exercise passed, or both. A lesson's
 * frontmatter `completion: quiz | exercises | both` chooses; without it, both when the lesson
 * has both (lib/exercises/completion.ts reads it).
 */
export type CompletionRule = {
  /** A passed quiz of the lesson is required. */
  quiz: boolean;
  /** Every one of these exercises (by id) must have passed; empty when exercises do not count. */
  exercises: string[];
};

export type CompletionSetting = "quiz" | "exercises" | "both";

/** The rule for a lesson from its frontmatter setting and what it holds. */
export function completionRule(
  setting: CompletionSetting | undefined,
  has: { quiz: boolean; exercises: string[] },
): CompletionRule {
  const wanted = setting ?? "both";
  const quiz = has.quiz && wanted !== "exercises";
  const exercises = wanted === "quiz" && has.quiz ? [] : has.exercises;
  // A setting naming what the lesson lacks falls back to what it has.
  return { quiz: quiz || (has.quiz && exercises.length === 0), exercises };
}
