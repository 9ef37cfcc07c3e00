import "server-only";
import { db } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import { join, type Statement, sql } from "@/lib/db/sql";
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

/** A source as the card's columns. */
const columns = (s: CardSource) => ({
  kind: s.kind,
  courseSlug: s.course,
  lessonSlug: s.lesson,
  sourceId: s.sourceId,
  itemId: s.itemId,
});

const keyOf = (learnerId: string, s: CardSource) => ({
  learnerId_kind_courseSlug_lessonSlug_sourceId_itemId: { learnerId, ...columns(s) },
});

/**
 * Puts each of `sources` in the learner's review, answered at `at`, unless it is there already:
 * a card that exists keeps its schedule (only /review moves it). Runs inside a quiz attempt's
 * write, so it is one raw statement whatever the count (INSERT … ON CONFLICT DO NOTHING on the
 * card's unique key): two attempts adding the same card at once leave one card and neither fails.
 * Returns that statement, for the quiz write's transaction (lib/db/sql.ts), or null when there
 * is nothing to add.
 */
export function addCards(
  learnerId: string,
  sources: CardSource[],
  origin: CardOrigin,
  at: Date,
): Statement | null {
  if (sources.length === 0) return null;
  const m = firstReview(at, FIRST_RATING[origin]);
  const updatedAt = new Date();
  const rows = sources.map(
    (s) => sql`(${newId()}, ${learnerId}, ${s.kind}, ${s.course}, ${s.lesson}, ${s.sourceId},
      ${s.itemId}, ${origin}, ${m.due}, ${m.stability}, ${m.difficulty}, ${m.scheduledDays},
      ${m.learningSteps}, ${m.reps}, ${m.lapses}, ${m.state}, ${m.lastReview}, ${at}, ${updatedAt})`,
  );
  return sql`
    INSERT INTO "ReviewCard" ("id", "learnerId", "kind", "courseSlug", "lessonSlug", "sourceId", "itemId",
      "origin", "due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses",
      "state", "lastReview", "createdAt", "updatedAt")
    VALUES ${join(rows)}
    ON CONFLICT ("learnerId", "kind", "courseSlug", "lessonSlug", "sourceId", "itemId") DO NOTHING`;
}

/** When each card of one quiz (or exercise) in the learner's review is next due (ISO time), by item id. */
export async function dueByItem(
  learnerId: string,
  s: Omit<CardSource, "itemId">,
): Promise<Record<string, string>> {
  const rows = await db.reviewCard.findMany({
    where: { learnerId, kind: s.kind, courseSlug: s.course, lessonSlug: s.lesson, sourceId: s.sourceId },
    select: { itemId: true, due: true },
  });
  return Object.fromEntries(rows.map((r) => [r.itemId, r.due.toISOString()]));
}

/**
 * Puts one source in the learner's review by hand, unless it is there already (then its
 * schedule stays), and returns the card. An upsert: two clicks at once leave one card.
 */
export async function addCard(learnerId: string, source: CardSource, at: Date): Promise<{ due: Date }> {
  return db.reviewCard.upsert({
    where: keyOf(learnerId, source),
    create: {
      learnerId,
      ...columns(source),
      origin: "added",
      ...firstReview(at, FIRST_RATING.added),
      createdAt: at,
    },
    update: {},
    select: { due: true },
  });
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
