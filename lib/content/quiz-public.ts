import { createHash } from "node:crypto";
import type { PublicQuestion, PublicQuiz, QuizDefinition } from "./quiz-schema";

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** The quiz's version: a hash of its whole definition, so any edit makes a new version. */
export function quizVersion(quiz: QuizDefinition): string {
  return sha256(JSON.stringify(quiz)).slice(0, 12);
}

/**
 * A choice's or item's id: derived from the quiz, question and text, so it is stable across
 * builds but says nothing about correctness or position.
 */
export function optionId(quizId: string, questionId: string, text: string): string {
  return sha256(`${quizId}\u0000${questionId}\u0000${text}`).slice(0, 10);
}

/** Order items as shown to learners: a stable shuffle that is never the correct order. */
export function shuffledItems(
  quizId: string,
  questionId: string,
  items: string[],
): { id: string; text: string }[] {
  const withIds = items.map((text) => ({ id: optionId(quizId, questionId, text), text }));
  const shuffled = [...withIds].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (shuffled.every((item, i) => item.text === items[i])) shuffled.push(shuffled.shift()!);
  return shuffled;
}

/** Strips the answer key and every explanation: what the page may send to the browser. */
export function toPublicQuiz(quiz: QuizDefinition): PublicQuiz {
  const questions = quiz.questions.map((q): PublicQuestion => {
    const common = { id: q.id, prompt: q.prompt, points: q.points };
    switch (q.type) {
      case "single":
      case "multiple":
        return {
          ...common,
          type: q.type,
          choices: q.choices.map((c) => ({ id: optionId(quiz.id, q.id, c.text), text: c.text })),
        };
      case "order":
        return { ...common, type: "order", items: shuffledItems(quiz.id, q.id, q.items) };
      case "numeric":
        return { ...common, type: "numeric", ...(q.unit ? { unit: q.unit } : {}) };
      case "truefalse":
      case "fill":
        return { ...common, type: q.type };
      default:
        throw new Error(`Unknown question type ${(q as { type: string }).type}`);
    }
  });
  return {
    id: quiz.id,
    title: quiz.title,
    passPercent: quiz.passPercent,
    ...(quiz.revealAfterAttempts ? { revealAfterAttempts: quiz.revealAfterAttempts } : {}),
    version: quizVersion(quiz),
    maxScore: quiz.questions.reduce((sum, q) => sum + q.points, 0),
    questions,
  };
}
