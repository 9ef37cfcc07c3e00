import "server-only";
import { ActionError } from "@/lib/actions/result";
import type { CardKind } from "@/lib/cards/cards";
import { getLessonEntry } from "@/lib/content/catalog";
import { optionId, toPublicQuiz } from "@/lib/content/quiz-public";
import type { PublicQuestion, Question, QuizDefinition } from "@/lib/content/quiz-schema";
import { attemptHistory } from "@/lib/quiz/attempts";
import {
  type Answer,
  gradeQuiz,
  mayReveal,
  type QuestionResult,
  validateAnswers,
  visibleResult,
} from "@/lib/quiz/grade";
import { findQuiz, lessonQuizzes, quizSection } from "@/lib/quiz/lookup";
import { seededShuffle, seededShuffleAvoiding } from "./shuffle";

// Where a card's question comes from and how it is graded, by the card's kind. Only "quiz" exists
// today. Exercise checks (issue 20) plug in as a second ReviewSource under kind "exercise":
// `prompt` re-asks the failed check as a short question or a fix-this-line task (a public view
// with no solution in it), `grade` runs the check on the server, and the exercise write adds a
// card with lib/cards' addCards({ kind: "exercise", sourceId: exerciseId, itemId: checkId }) when
// a check fails. The page, the write, the schedule, the merge and the instructor figures take any
// kind as it is; a card whose kind has no source yet is never shown or counted.

/** The card fields a source reads. */
export type CardRef = {
  id: string;
  kind: string;
  courseSlug: string;
  lessonSlug: string;
  sourceId: string;
  itemId: string;
  reps: number;
};

/** The columns a CardRef is read with. */
export const CARD_REF_FIELDS = {
  id: true,
  kind: true,
  courseSlug: true,
  lessonSlug: true,
  sourceId: true,
  itemId: true,
  reps: true,
} as const;

/** An answer as the review form sends it: picked choice or item ids (in order), or typed text. */
export type RawAnswer = { choice?: string[]; text?: string };

/** Where a card came from, for the link back to the lesson. */
export type CardOrigin = {
  courseTitle: string;
  lessonTitle: string;
  part: number;
  /** The quiz's (or exercise's) title. */
  title: string;
  /** The lesson section the card came from. */
  href: string;
};

/** What the page may show before the card is answered: never its key or explanation. */
export type ReviewPrompt = { question: PublicQuestion; version: string; from: CardOrigin };

/** A graded answer: the verdict and the feedback the quiz would give (explanations included). */
export type ReviewVerdict = { correct: boolean; feedback: QuestionResult; answer: Answer };

export type ReviewSource = {
  /** Whether the card's question still exists (cheap: no public view is built). */
  exists(card: CardRef): Promise<boolean>;
  /** The card's question for this round (choices in a new order each round), or null if it is gone. */
  prompt(card: CardRef): Promise<ReviewPrompt | null>;
  /** Grades an answer against `version`; throws ActionError when it is not a usable answer. */
  grade(card: CardRef, version: string, raw: RawAnswer): Promise<ReviewVerdict>;
  /**
   * The feedback for an answer stored earlier, graded again for display, as `learnerId` may see
   * it (null if the card is gone).
   */
  feedback(learnerId: string, card: CardRef, answer: Answer): Promise<QuestionResult | null>;
};

async function quizQuestion(
  card: CardRef,
): Promise<{ quiz: QuizDefinition; question: Question; version: string } | null> {
  const found = await findQuiz(card.courseSlug, card.lessonSlug, card.sourceId);
  const question = found?.quiz.questions.find((q) => q.id === card.itemId);
  if (!found || !question) return null;
  // One question graded as a quiz of its own, with the grader and public view the quiz uses.
  return { quiz: { ...found.quiz, questions: [question] }, question, version: found.version };
}

/** The question as the browser may see it, with this round's order of choices or items. */
function publicQuestion(quiz: QuizDefinition, question: Question, seed: string): PublicQuestion {
  const shown = toPublicQuiz(quiz).questions[0]!;
  switch (shown.type) {
    case "single":
    case "multiple":
      return { ...shown, choices: seededShuffle(shown.choices, seed) };
    case "order": {
      const solved =
        question.type === "order" ? question.items.map((t) => optionId(quiz.id, question.id, t)) : [];
      return { ...shown, items: seededShuffleAvoiding(shown.items, seed, solved) };
    }
    default:
      return shown;
  }
}

/** The quiz's kind of answer for a question, from what the review form sent. */
export function toQuizAnswer(question: Question, raw: RawAnswer): Answer | undefined {
  const choice = raw.choice ?? [];
  const text = raw.text?.trim() ?? "";
  switch (question.type) {
    case "single":
      return choice.length === 1 ? choice[0] : choice.length ? choice : undefined;
    case "multiple":
    case "order":
      return choice.length ? choice : undefined;
    case "truefalse":
      return choice[0] === "true" ? true : choice[0] === "false" ? false : choice[0];
    case "fill":
      return raw.text ?? undefined;
    case "numeric": {
      if (!text) return undefined;
      const n = Number(text.replace(",", "."));
      return Number.isFinite(n) ? n : text;
    }
  }
}

/** The quiz's message for its only question, said of "this question" ("Question 1: enter a number"). */
function reviewMessage(message: string): string {
  const text = message
    .replace(/^Question 1 has no answer$/, "answer the question first")
    .replace(/^Question 1: /, "");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const quizSource: ReviewSource = {
  async exists(card) {
    // No version hash here: the header counts every due card on every page.
    const quiz = (await lessonQuizzes(card.courseSlug, card.lessonSlug))?.find((q) => q.id === card.sourceId);
    return Boolean(
      quiz?.questions.some((q) => q.id === card.itemId) && getLessonEntry(card.courseSlug, card.lessonSlug),
    );
  },

  async prompt(card) {
    const found = await quizQuestion(card);
    const entry = getLessonEntry(card.courseSlug, card.lessonSlug);
    if (!found || !entry) return null;
    const section = await quizSection(card.courseSlug, card.lessonSlug, card.sourceId);
    return {
      question: publicQuestion(found.quiz, found.question, `${card.id}:${card.reps}`),
      version: found.version,
      from: {
        courseTitle: entry.course.title,
        lessonTitle: entry.lesson.title,
        part: entry.lesson.part,
        title: found.quiz.title,
        href: `/courses/${card.courseSlug}/${card.lessonSlug}#${section ?? `quiz-${card.sourceId}-title`}`,
      },
    };
  },

  async grade(card, version, raw) {
    const found = await quizQuestion(card);
    if (!found)
      throw new ActionError(
        "This question was removed from the course; it is no longer reviewed.",
        undefined,
        404,
      );
    if (found.version !== version)
      throw new ActionError(
        "This question was updated since the card was shown. Nothing was recorded: answer it again.",
        undefined,
        409,
      );
    const answer = toQuizAnswer(found.question, raw);
    const answers = answer === undefined ? {} : { [found.question.id]: answer };
    const problems = validateAnswers(found.quiz, answers);
    if (problems.length > 0) throw new ActionError(reviewMessage(problems[0]!.message));
    const feedback = gradeQuiz(found.quiz, answers).questions[0]!;
    return { correct: feedback.correct, feedback, answer: answer as Answer };
  },

  async feedback(learnerId, card, answer) {
    const found = await quizQuestion(card);
    if (!found) return null;
    // The quiz's reveal rule holds here too: a missed card's explanation (which usually states
    // the answer) shows once the learner has passed the quiz, as it would in the quiz.
    const history = await attemptHistory({
      learnerId,
      course: card.courseSlug,
      lesson: card.lessonSlug,
      quizId: card.sourceId,
      quizVersion: found.version,
    });
    const graded = gradeQuiz(found.quiz, { [found.question.id]: answer });
    return visibleResult(graded, mayReveal(found.quiz, history)).questions[0]!;
  },
};

const SOURCES: Partial<Record<CardKind, ReviewSource>> = { quiz: quizSource };

/** The source that shows and grades cards of `kind`, or null when that kind has none yet. */
export function sourceFor(kind: string): ReviewSource | null {
  return SOURCES[kind as CardKind] ?? null;
}

/** The kinds that have a source: the only cards shown, counted or reviewed. */
export const REVIEWED_KINDS = Object.keys(SOURCES) as CardKind[];
