import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Answer, QuestionResult } from "@/lib/quiz/grade";
import { CARD_REF_FIELDS, type CardRef, REVIEWED_KINDS, type ReviewPrompt, sourceFor } from "./sources";

// What /review and the header read: the learner's due cards, the next one to answer, and the
// outcome of an answer already given. Reading never writes (not even a learner row).

const cardFields = { ...CARD_REF_FIELDS, due: true } as const;

type DueCard = CardRef & { due: Date };

/** The learner's cards due at `at` that can still be shown (their question exists), soonest first. */
async function dueCards(learnerId: string, at: Date): Promise<DueCard[]> {
  const rows = await db.reviewCard.findMany({
    where: { learnerId, kind: { in: REVIEWED_KINDS }, due: { lte: at } },
    select: cardFields,
    orderBy: [{ due: "asc" }, { id: "asc" }],
  });
  const shown = [];
  for (const card of rows) if (await sourceFor(card.kind)?.exists(card)) shown.push(card);
  return shown;
}

/** When the next card that is not due yet falls due, or null when there is none. */
async function nextDue(learnerId: string, at: Date): Promise<Date | null> {
  const rows = await db.reviewCard.findMany({
    where: { learnerId, kind: { in: REVIEWED_KINDS }, due: { gt: at } },
    select: cardFields,
    orderBy: [{ due: "asc" }, { id: "asc" }],
    take: 20,
  });
  for (const card of rows) if (await sourceFor(card.kind)?.exists(card)) return card.due;
  return null;
}

export type ReviewStatus = {
  /** Cards due now. */
  due: number;
  /** When the next card not yet due falls due (ISO), or null. */
  next: string | null;
  /** Cards in review, due or not. */
  total: number;
};

const EMPTY: ReviewStatus = { due: 0, next: null, total: 0 };

export type ReviewSession = {
  status: ReviewStatus;
  /** The card to answer now (the one due longest) and its question, or null when none is due. */
  current: { card: DueCard; prompt: ReviewPrompt } | null;
};

/** The learner's review as /review shows it: the figures and the card to answer now. */
export async function reviewSession(learnerId: string | null): Promise<ReviewSession> {
  const status = await reviewStatusAt(learnerId);
  const card = status.first;
  const prompt = card ? await sourceFor(card.kind)?.prompt(card) : null;
  return { status: status.figures, current: card && prompt ? { card, prompt } : null };
}

async function reviewStatusAt(
  learnerId: string | null,
): Promise<{ figures: ReviewStatus; first: DueCard | null }> {
  if (!learnerId) return { figures: EMPTY, first: null };
  const at = now();
  const [due, next, total] = await Promise.all([
    dueCards(learnerId, at),
    nextDue(learnerId, at),
    db.reviewCard.count({ where: { learnerId, kind: { in: REVIEWED_KINDS } } }),
  ]);
  return { figures: { due: due.length, next: next?.toISOString() ?? null, total }, first: due[0] ?? null };
}

/** The header's figures: how many cards are due now and when the next one is (no question is built). */
export async function reviewStatus(learnerId: string | null): Promise<ReviewStatus> {
  return (await reviewStatusAt(learnerId)).figures;
}

export type ReviewOutcome = {
  correct: boolean;
  rating: number;
  confidence: string | null;
  answer: Answer;
  feedback: QuestionResult | null;
  prompt: ReviewPrompt | null;
  /** When the card comes back (ISO). */
  due: string;
  reviewedAt: string;
};

/** An answer this learner gave (by its submission id), graded again for display; null if not theirs. */
export async function reviewOutcome(
  learnerId: string | null,
  submissionId: string,
): Promise<ReviewOutcome | null> {
  if (!learnerId) return null;
  const log = await db.reviewLog.findFirst({
    where: { submissionId, card: { learnerId } },
    select: {
      correct: true,
      rating: true,
      confidence: true,
      answer: true,
      reviewedAt: true,
      card: { select: cardFields },
    },
  });
  if (!log) return null;
  const source = sourceFor(log.card.kind);
  const answer = JSON.parse(log.answer) as Answer;
  return {
    correct: log.correct,
    rating: log.rating,
    confidence: log.confidence,
    answer,
    feedback: (await source?.feedback(learnerId, log.card, answer)) ?? null,
    prompt: (await source?.prompt(log.card)) ?? null,
    due: log.card.due.toISOString(),
    reviewedAt: log.reviewedAt.toISOString(),
  };
}
