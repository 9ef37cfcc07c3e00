import "server-only";
import { db, dbProvider } from "@/lib/db";
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

const sameSource = (
  s: CardSource,
  c: { kind: string; courseSlug: string; lessonSlug: string; sourceId: string; itemId: string },
) =>
  c.kind === s.kind &&
  c.courseSlug === s.course &&
  c.lessonSlug === s.lesson &&
  c.sourceId === s.sourceId &&
  c.itemId === s.itemId;

/**
 * Puts each of `sources` in the learner's review, answered at `at`, unless it is there already:
 * a card that exists keeps its schedule (only /review moves it). Runs inside a quiz attempt's
 * write, so it is two statements whatever the count: the cards already there, then the missing
 * ones. Two attempts adding the same card at once leave one card and neither fails: an attempt's
 * write has locked the learner's progress row (SQLite: the database) before this reads, and on
 * PostgreSQL the insert skips a duplicate all the same.
 */
export async function addCards(
  client: Tx | typeof db,
  learnerId: string,
  sources: CardSource[],
  origin: CardOrigin,
  at: Date,
): Promise<void> {
  if (sources.length === 0) return;
  const existing = await client.reviewCard.findMany({
    where: {
      learnerId,
      OR: sources.map(columns),
    },
    select: { kind: true, courseSlug: true, lessonSlug: true, sourceId: true, itemId: true },
  });
  const missing = sources.filter((s) => !existing.some((c) => sameSource(s, c)));
  if (missing.length === 0) return;
  const memory = firstReview(at, FIRST_RATING[origin]);
  const rows = {
    data: missing.map((s) => ({
      learnerId,
      ...columns(s),
      origin,
      ...memory,
      createdAt: at,
    })),
  };
  // The client's types are SQLite's, whose createMany has no skipDuplicates; PostgreSQL's has.
  await client.reviewCard.createMany(
    dbProvider === "postgresql" ? ({ ...rows, skipDuplicates: true } as typeof rows) : rows,
  );
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
