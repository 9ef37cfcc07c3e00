import { optionId } from "@/lib/content/quiz-public";
import type { Question, QuizDefinition } from "@/lib/content/quiz-schema";

/** A learner's answer to one question, as the form sends it. */
export type Answer = string | string[] | boolean | number;
export type Answers = Record<string, Answer>;

export type ChoiceFeedback = { id: string; picked: boolean; correct: boolean; explanation?: string };

/** The right answer to one question, in the terms the page shows it (choice and item ids). */
export type CorrectAnswer =
  | { kind: "choices"; ids: string[] }
  | { kind: "truefalse"; value: boolean }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; tolerance: number; unit?: string }
  | { kind: "order"; ids: string[] };

export type QuestionResult = {
  id: string;
  correct: boolean;
  points: number;
  maxPoints: number;
  explanation?: string;
  /** For choice questions: each picked choice with its verdict and the author's note on it. */
  choices?: ChoiceFeedback[];
  /** The answer key for this question: only sent once the quiz's reveal rule allows it. */
  answer?: CorrectAnswer;
};

export type GradeResult = {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  questions: QuestionResult[];
  /** Whether the correct answers (and explanations of missed questions) are included. */
  revealed?: boolean;
};

export type AnswerProblem = { questionId: string; message: string };

const normalise = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Checks answers against the quiz's questions before grading: every question answered, no
 * unknown question, each answer of the right kind and naming only real choices or items.
 */
export function validateAnswers(quiz: QuizDefinition, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(quiz.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      problems.push({ questionId: id, message: `There is no question "${id}" in this quiz` });
  }
  quiz.questions.forEach((q, index) => {
    const label = `Question ${index + 1}`;
    const a = answers[q.id];
    if (a === undefined || a === "" || (Array.isArray(a) && a.length === 0)) {
      problems.push({ questionId: q.id, message: `${label} has no answer` });
      return;
    }
    const ids = (texts: string[]) => new Set(texts.map((t) => optionId(quiz.id, q.id, t)));
    switch (q.type) {
      case "single":
        if (typeof a !== "string" || !ids(q.choices.map((c) => c.text)).has(a))
          problems.push({ questionId: q.id, message: `${label}: pick one of the choices` });
        break;
      case "multiple": {
        const valid = ids(q.choices.map((c) => c.text));
        if (!Array.isArray(a) || a.some((x) => !valid.has(x)) || new Set(a).size !== a.length)
          problems.push({ questionId: q.id, message: `${label}: pick from the choices shown` });
        break;
      }
      case "truefalse":
        if (typeof a !== "boolean")
          problems.push({ questionId: q.id, message: `${label}: answer true or false` });
        break;
      case "fill":
        if (typeof a !== "string" || a.length > 200)
          problems.push({
            questionId: q.id,
            message: `${label}: type a short answer (up to 200 characters)`,
          });
        break;
      case "order": {
        const valid = ids(q.items);
        if (
          !Array.isArray(a) ||
          a.length !== q.items.length ||
          a.some((x) => !valid.has(x)) ||
          new Set(a).size !== a.length
        ) {
          problems.push({ questionId: q.id, message: `${label}: put every item in order once` });
        }
        break;
      }
      case "numeric":
        if (typeof a !== "number" || !Number.isFinite(a))
          problems.push({ questionId: q.id, message: `${label}: enter a number` });
        break;
    }
  });
  return problems;
}

function gradeQuestion(quizId: string, q: Question, a: Answer | undefined): QuestionResult {
  const base = { id: q.id, maxPoints: q.points, explanation: q.explanation };
  const verdict = (
    correct: boolean,
    answer: CorrectAnswer,
    extra: Partial<QuestionResult> = {},
  ): QuestionResult => ({ ...base, ...extra, correct, points: correct ? q.points : 0, answer });
  switch (q.type) {
    case "single":
    case "multiple": {
      const picked = new Set(Array.isArray(a) ? a : typeof a === "string" ? [a] : []);
      const choices = q.choices.map((c) => ({
        id: optionId(quizId, q.id, c.text),
        correct: c.correct,
        explanation: c.explanation,
      }));
      const correct = choices.every((c) => c.correct === picked.has(c.id));
      // Feedback covers what the learner picked; the key is `answer`, withheld until revealed.
      const feedback = choices
        .filter((c) => picked.has(c.id))
        .map((c) => ({ id: c.id, picked: true, correct: c.correct, explanation: c.explanation }));
      const key = choices.filter((c) => c.correct).map((c) => c.id);
      return verdict(correct, { kind: "choices", ids: key }, { choices: feedback });
    }
    case "truefalse":
      return verdict(a === q.answer, { kind: "truefalse", value: q.answer });
    case "fill":
      return verdict(typeof a === "string" && q.accept.some((x) => normalise(x) === normalise(a)), {
        kind: "text",
        text: q.accept[0]!,
      });
    case "order": {
      const expected = q.items.map((t) => optionId(quizId, q.id, t));
      return verdict(
        Array.isArray(a) && a.length === expected.length && a.every((x, i) => x === expected[i]),
        { kind: "order", ids: expected },
      );
    }
    case "numeric":
      return verdict(typeof a === "number" && Math.abs(a - q.answer) <= q.tolerance + 1e-9, {
        kind: "number",
        value: q.answer,
        tolerance: q.tolerance,
        ...(q.unit ? { unit: q.unit } : {}),
      });
  }
}

/**
 * When a learner may see a quiz's correct answers: once they have passed it, or (when the author
 * set `revealAfterAttempts`) after that many attempts at this version, whichever comes first.
 */
export function mayReveal(
  quiz: Pick<QuizDefinition, "revealAfterAttempts">,
  history: { passed: boolean; attempts: number },
): boolean {
  return (
    history.passed || (quiz.revealAfterAttempts !== undefined && history.attempts >= quiz.revealAfterAttempts)
  );
}

/**
 * What a graded attempt may show the learner. Revealed: everything. Not yet: each question's
 * verdict and points, and the notes on the choices they picked; for a question they missed,
 * neither its correct answer nor its explanation (which usually states the answer). A question
 * they got right keeps its explanation: it tells them nothing they did not already answer.
 */
export function visibleResult(result: GradeResult, reveal: boolean): GradeResult {
  if (reveal) return { ...result, revealed: true };
  return {
    ...result,
    revealed: false,
    questions: result.questions.map(({ answer: _key, explanation, ...q }) =>
      q.correct && explanation ? { ...q, explanation } : q,
    ),
  };
}

/** A score as a percentage with one decimal (0 when there is nothing to score). */
export function percentOf(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
}

/**
 * Grades answers against the server's copy of the quiz. Scoring: full points per question or
 * none (multiple choice is all-or-nothing); percent = score ÷ maximum; passed at passPercent.
 */
export function gradeQuiz(quiz: QuizDefinition, answers: Answers): GradeResult {
  const questions = quiz.questions.map((q) => gradeQuestion(quiz.id, q, answers[q.id]));
  const score = questions.reduce((s, q) => s + q.points, 0);
  const maxScore = questions.reduce((s, q) => s + q.maxPoints, 0);
  const percent = percentOf(score, maxScore);
  return { score, maxScore, percent, passed: percent >= quiz.passPercent, questions };
}
