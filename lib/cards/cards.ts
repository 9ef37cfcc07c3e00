import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";
import { firstReview, type ReviewRating } from "./schedule";

/**
 * What a card asks, by kind: "quiz" is a quiz question (sourceId = the quiz id, itemId = the
 * question id); "exercise" will be an exercise check (the exercise id and the check id), once
 * exercises exist (issue 20). See lib/review/sources.ts for how a kind is shown and graded.
 */
export type CardKind = "quiz" | "exercise";
export const CARD_KINDS: readonly CardKind[] = ["quiz", "exercise"];

/** The one thing a card asks, in one lesson of one course. */
export type CardSource = { kind: CardKind; course: string; lesson: string; sourceId: string; itemId: string };

/** How a card came to be: the learner missed it, or added it by hand. */
export type CardOrigin = "missed" | "added";

/** The rating the answer that makes a card counts as (its first review): see firstReview. */
const FIRST_RATING: Record<CardOrigin, ReviewRating> = { missed: 1, added: 2 };

const keyOf = (learnerId: string, s: CardSource) => ({
  learnerId_kind_courseSlug_lessonSlug_sourceId_itemId: {
    learnerId,
    kind: s.kind,
    courseSlug: s.course,
    lessonSlug: s.lesson,
    sourceId: s.sourceId,
    itemId: s.itemId,
  },
});

/**
 * Puts each of `sources` in the learner's review, answered at `at`, unless it is there already:
 * a card that exists keeps its schedule (only /review moves it). One upsert per card, so two
 * writes adding the same card at once leave one card and neither fails.
 */
export async function addCards(
  client: Tx | typeof db,
  learnerId: string,
  sources: CardSource[],
  origin: CardOrigin,
  at: Date,
): Promise<{ id: string; due: Date; origin: string }[]> {
  const memory = firstReview(at, FIRST_RATING[origin]);
  const cards = [];
  for (const s of sources) {
    cards.push(
      await client.reviewCard.upsert({
        where: keyOf(learnerId, s),
        create: {
          learnerId,
          kind: s.kind,
          courseSlug: s.course,
          lessonSlug: s.lesson,
          sourceId: s.sourceId,
          itemId: s.itemId,
          origin,
          ...memory,
          createdAt: at,
        },
        update: {},
        select: { id: true, due: true, origin: true },
      }),
    );
  }
  return cards;
}

/** The learner's card for one source, if it has one. */
export async function findCard(learnerId: string, source: CardSource) {
  return db.reviewCard.findUnique({ where: keyOf(learnerId, source), select: { id: true, due: true } });
}

const later = (a: Date | null, b: Date | null) => (a?.getTime() ?? 0) > (b?.getTime() ?? 0);

/**
 * Moves an anonymous learner's cards into an account's learner (inside the sign-in merge's
 * transaction). Where both have a card for the same source, one card stays: the one reviewed
 * last, because its memory state holds the latest evidence of what the learner remembers (a tie
 * goes to the card due sooner). It keeps both review histories; reps and lapses add up, it was
 * "missed" if either was, and it dates from the earlier card.
 */
export async function mergeReviewCards(tx: Tx, fromLearnerId: string, toLearnerId: string): Promise<void> {
  const theirs = await tx.reviewCard.findMany({ where: { learnerId: fromLearnerId } });
  for (const t of theirs) {
    const source: CardSource = {
      kind: t.kind as CardKind,
      course: t.courseSlug,
      lesson: t.lessonSlug,
      sourceId: t.sourceId,
      itemId: t.itemId,
    };
    const mine = await tx.reviewCard.findUnique({ where: keyOf(toLearnerId, source) });
    if (!mine) {
      await tx.reviewCard.update({ where: { id: t.id }, data: { learnerId: toLearnerId } });
      continue;
    }
    const theirsWins =
      later(t.lastReview, mine.lastReview) ||
      (t.lastReview?.getTime() === mine.lastReview?.getTime() && t.due < mine.due);
    const kept = theirsWins ? t : mine;
    await tx.reviewLog.updateMany({ where: { cardId: t.id }, data: { cardId: mine.id } });
    await tx.reviewCard.delete({ where: { id: t.id } });
    await tx.reviewCard.update({
      where: { id: mine.id },
      data: {
        due: kept.due,
        stability: kept.stability,
        difficulty: kept.difficulty,
        scheduledDays: kept.scheduledDays,
        learningSteps: kept.learningSteps,
        state: kept.state,
        lastReview: kept.lastReview,
        reps: mine.reps + t.reps,
        lapses: mine.lapses + t.lapses,
        origin: mine.origin === "missed" || t.origin === "missed" ? "missed" : mine.origin,
        createdAt: new Date(Math.min(t.createdAt.getTime(), mine.createdAt.getTime())),
      },
    });
  }
}
