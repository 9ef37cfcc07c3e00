import "server-only";
import type { CompletionRule } from "@/lib/progress/completion";
import { lessonCompletionRule, lessonExercises } from "./lookup";

/**
 * The lesson's completion rule as the progress writes apply it: which passes complete it, by its
 * frontmatter `completion` (quiz, exercises or both; both by default when it has both).
 */
export async function completionRuleFor(course: string, lesson: string): Promise<CompletionRule> {
  const [kind, exercises] = await Promise.all([
    lessonCompletionRule(course, lesson),
    lessonExercises(course, lesson),
  ]);
  const counts = kind === "exercises" || kind === "both";
  return {
    quiz: kind === "quiz" || kind === "both" || kind === null,
    exercises: counts ? (exercises ?? []).map((e) => e.id) : [],
  };
}
