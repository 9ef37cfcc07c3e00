import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { readQuizForm } from "./form-answers";
import { type AnswerProblem, type Answers, validateAnswers } from "./grade";
import { findQuiz } from "./lookup";
import { type QuizActionData, submitQuiz } from "./writes";

/**
 * What "Add to review" beside a graded question answered without JavaScript, for the question
 * whose button was pressed, and when each of the quiz's questions already in the learner's review
 * comes back (added before: no button offered again). See lib/review/quiz-form.ts.
 */
export type ReviewAdded = {
  questionId: string;
  result: ActionResult<{ due: string }>;
  inReview: Record<string, string>;
};

/**
 * The quiz form's state: the write's answer, and the answers the form was sent with, to show them
 * again; after "Add to review" without JavaScript, what the add answered.
 */
export type QuizFormState = ActionResult<QuizActionData> & { answers?: Answers; review?: ReviewAdded };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * The lesson's quiz form, posted without JavaScript (with it, the island sends JSON to
 * app/api/learner/quiz-attempts). The answers are the form's own inputs (./form-answers.ts); an
 * input that cannot be an answer is refused here with every question's message, before the
 * write; then it is the one quiz write, with no submission id: the write derives one
 * (./form-submission.ts). Either way the answers come back, so the page shows them as chosen.
 */
export async function submitQuizForm(form: FormData): Promise<QuizFormState> {
  const [course, lesson, quizId] = [text(form, "course"), text(form, "lesson"), text(form, "quizId")];
  // Without a quiz to read the fields by, the write says what is missing or wrong.
  const found = course && lesson && quizId ? await findQuiz(course, lesson, quizId) : null;
  if (!found) return submitQuiz(form);
  const { answers, problems } = readQuizForm(found.quiz, form);
  if (problems.length > 0) {
    const flagged = new Set(problems.map((p) => p.questionId));
    const order = found.quiz.questions.map((q) => q.id);
    const all = [
      ...problems,
      ...validateAnswers(found.quiz, answers).filter((p) => !flagged.has(p.questionId)),
    ].sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
    return { ok: false, message: problemsMessage(all), fieldErrors: fieldErrors(all), status: 400, answers };
  }
  const result = await submitQuiz({
    course,
    lesson,
    quizId,
    version: text(form, "version"),
    submissionId: text(form, "submissionId") || undefined,
    answers,
  });
  return { ...result, answers };
}

const problemsMessage = (problems: AnswerProblem[]) =>
  problems.length === 1 ? problems[0]!.message : `${problems.length} questions need an answer or a fix`;

const fieldErrors = (problems: AnswerProblem[]) =>
  Object.fromEntries(problems.map((p) => [p.questionId, p.message]));
