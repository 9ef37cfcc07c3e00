import { optionId } from "@/lib/content/quiz-public";
import type { Question, QuizDefinition } from "@/lib/content/quiz-schema";
import type { AnswerProblem, Answers } from "./grade";
import { readOrderPosition } from "./order-position";

/** What a posted form offers: every value sent under a name (a FormData is one). */
export type FormFields = { getAll(name: string): unknown[] };

/** The form field a question's inputs share (components/quiz/quiz-island.tsx names them so). */
export const questionField = (quizId: string, questionId: string) => `${quizId}-${questionId}`;

/**
 * The answers of a quiz's form as a reader without JavaScript sends it: each question's own
 * inputs (a radio's choice, the checked boxes, True/False, typed text or number, and one position
 * menu per order item). A question left blank has no answer here (the write says so); a value
 * that cannot be an answer is a problem with the question's message. Answers are in the quiz's
 * question order, so the same form sent twice gives the same answers.
 */
export function readQuizForm(
  quiz: Pick<QuizDefinition, "id" | "questions">,
  form: FormFields,
): { answers: Answers; problems: AnswerProblem[] } {
  const answers: Answers = {};
  const problems: AnswerProblem[] = [];
  quiz.questions.forEach((q, index) => {
    const values = form
      .getAll(questionField(quiz.id, q.id))
      .filter((v): v is string => typeof v === "string");
    const read = readQuestion(quiz.id, q, values);
    if (read === undefined) return;
    if ("problem" in read)
      problems.push({ questionId: q.id, message: `Question ${index + 1}: ${read.problem}` });
    if (read.answer !== undefined) answers[q.id] = read.answer;
  });
  return { answers, problems };
}

type Read = { answer: Answers[string] } | { problem: string; answer?: Answers[string] } | undefined;

function readQuestion(quizId: string, q: Question, values: string[]): Read {
  const one = (problem: string): Read => (values.length > 1 ? { problem } : undefined);
  switch (q.type) {
    case "single":
      return values.length === 0 ? undefined : (one("pick one of the choices") ?? { answer: values[0]! });
    case "multiple":
      return values.length === 0 ? undefined : { answer: values };
    case "truefalse": {
      if (values.length === 0) return undefined;
      const tooMany = one("answer true or false");
      if (tooMany) return tooMany;
      if (values[0] === "true" || values[0] === "false") return { answer: values[0] === "true" };
      return { problem: "answer true or false" };
    }
    case "fill": {
      const tooMany = one("type one short answer");
      if (tooMany) return tooMany;
      return values[0] ? { answer: values[0] } : undefined;
    }
    case "numeric": {
      const tooMany = one("enter one number");
      if (tooMany) return tooMany;
      const text = values[0]?.trim() ?? "";
      if (text === "") return undefined;
      // A decimal comma is a decimal point (the island reads it the same way).
      const n = Number(text.replace(",", "."));
      // What was typed comes back with the message, so the reader can correct it.
      return Number.isFinite(n) ? { answer: n } : { problem: "enter a number", answer: text.slice(0, 200) };
    }
    case "order":
      return values.length === 0 ? undefined : readOrder(quizId, q.id, q.items, values);
  }
}

/** An order from one position per item: each item once, each position 1..n once. */
function readOrder(quizId: string, questionId: string, items: string[], values: string[]): Read {
  const problem = { problem: `give each item its own position, 1 to ${items.length}` };
  const ids = new Set(items.map((text) => optionId(quizId, questionId, text)));
  const byPosition = new Map<number, string>();
  const seen = new Set<string>();
  for (const value of values) {
    const read = readOrderPosition(value);
    if (!read || !ids.has(read.itemId) || seen.has(read.itemId)) return problem;
    const { itemId: id, position } = read;
    if (position < 1 || position > items.length || byPosition.has(position)) return problem;
    seen.add(id);
    byPosition.set(position, id);
  }
  if (seen.size !== ids.size) return problem;
  return { answer: [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, id]) => id) };
}
