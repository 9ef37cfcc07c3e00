import type { LessonFrontmatter } from "./schema";

/**
 * What a learner must pass to complete a lesson: its quizzes, its exercises, both, or nothing
 * (a lesson with neither is complete when read).
 */
export type LessonCompletion = "quiz" | "exercises" | "both" | "none";

/**
 * The lesson's completion rule: the frontmatter's `completion` when it names something the lesson
 * has, otherwise every kind of graded item it has (both when it has quizzes and exercises).
 */
export function lessonCompletion(lesson: {
  frontmatter: Pick<LessonFrontmatter, "completion">;
  quizzes: readonly unknown[];
  exercises: readonly unknown[];
}): LessonCompletion {
  const hasQuiz = lesson.quizzes.length > 0;
  const hasExercises = lesson.exercises.length > 0;
  const asked = lesson.frontmatter.completion;
  if (asked === "quiz" && hasQuiz) return "quiz";
  if (asked === "exercises" && hasExercises) return "exercises";
  return hasQuiz && hasExercises ? "both" : hasQuiz ? "quiz" : hasExercises ? "exercises" : "none";
}

/** Why the frontmatter's `completion` can't be met by this lesson, or null. */
export function completionProblem(lesson: {
  frontmatter: Pick<LessonFrontmatter, "completion">;
  quizzes: readonly unknown[];
  exercises: readonly unknown[];
}): string | null {
  const asked = lesson.frontmatter.completion;
  const needsQuiz = asked === "quiz" || asked === "both";
  const needsExercises = asked === "exercises" || asked === "both";
  if (needsQuiz && lesson.quizzes.length === 0)
    return `Frontmatter "completion" is ${asked}, but the lesson has no quiz`;
  if (needsExercises && lesson.exercises.length === 0)
    return `Frontmatter "completion" is ${asked}, but the lesson has no exercise`;
  return null;
}
