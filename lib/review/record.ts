import "server-only";
import { ActionError } from "@/lib/actions/result";
import type { Confidence } from "@/lib/cards/schedule";
import { ratingFor, review } from "@/lib/cards/schedule";
import { db } from "@/lib/db";
import type { Answer } from "@/lib/quiz/grade";
import { ANSWERED_ELSEWHERE } from "./messages";
import { CARD_REF_FIELDS } from "./sources";

const fields = {
  ...CARD_REF_FIELDS,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/** One of the learner's cards with its memory state, or null (someone else's cards are not found). */
export async function findLearnerCard(learnerId: string, cardId: string) {
  return db.reviewCard.findFirst({ where: { id: cardId, learnerId }, select: fields });
}

type StoredCard = NonNullable<Awaited<ReturnType<typeof findLearnerCard>>>;

export type ReviewAnswered = { submissionId: string; correct: boolean; due: string; repeated: boolean };

/** A stored answer with this submission id, on this card: a double submit or replay finds it. */
export async function recordedReview(submissionId: string, cardId: string): Promise<ReviewAnswered | null> {
  const log = await db.reviewLog.findUnique({
    where: { submissionId },
    select: { cardId: true, correct: true, card: { select: { due: true } } },
  });
  if (!log) return null;
  if (log.cardId !== cardId)
    throw new ActionError(
      "This answer was already recorded for another card; reload the page",
      undefined,
      409,
    );
  return { submissionId, correct: log.correct, due: log.card.due.toISOString(), repeated: true };
}

class LostRound extends Error {}

type GradedAnswer = {
  submissionId: string;
  correct: boolean;
  confidence: Confidence | null;
  answer: Answer;
  version: string;
  at: Date;
};

/**
 * Records a graded answer to `card` as it was read (its round, `card.reps`) and moves the card
 * on its FSRS schedule, in one transaction. The answer counts once per submission id; of two
 * answers to the same round (two tabs), the first to claim the round wins and the other gets a
 * 409 saying so, with nothing of it written.
 */
export async function recordReview(card: StoredCard, graded: GradedAnswer): Promise<ReviewAnswered> {
  const rating = ratingFor(graded.correct, graded.confidence);
  const next = review(card, graded.at, rating);
  try {
    await db.$transaction(async (tx) => {
      // Claims the round: a second answer to it finds the count moved on and writes nothing.
      const claimed = await tx.reviewCard.updateMany({ where: { id: card.id, reps: card.reps }, data: next });
      if (claimed.count === 0) throw new LostRound();
      await tx.reviewLog.create({
        data: {
          submissionId: graded.submissionId,
          cardId: card.id,
          rating,
          correct: graded.correct,
          confidence: graded.confidence,
          answer: JSON.stringify(graded.answer),
          sourceVersion: graded.version,
          elapsedDays: card.lastReview
            ? Math.max(0, (graded.at.getTime() - card.lastReview.getTime()) / 86_400_000)
            : 0,
          scheduledDays: card.scheduledDays,
          state: card.state,
          reviewedAt: graded.at,
        },
      });
    });
  } catch (error) {
    // The same answer sent twice at once: the one stored first is the answer to both.
    const first = await recordedReview(graded.submissionId, card.id);
    if (first) return first;
    if (error instanceof LostRound) throw new ActionError(ANSWERED_ELSEWHERE, undefined, 409);
    throw error;
  }
  return {
    submissionId: graded.submissionId,
    correct: graded.correct,
    due: next.due.toISOString(),
    repeated: false,
  };
}
