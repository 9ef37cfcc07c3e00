import { type Card, createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";

// How review cards are scheduled: FSRS (ts-fsrs) with its published default weights, 90%
// requested retention, long-term scheduling only (intervals in whole days, no same-day learning
// steps: a course is read over days, not drilled in one sitting) and fuzz, which spreads cards
// that were made together (one quiz) over neighbouring days. README "Review" explains it to people.

const scheduler = fsrs(
  generatorParameters({
    request_retention: 0.9,
    maximum_interval: 365,
    enable_short_term: false,
    enable_fuzz: true,
  }),
);

/** How sure the learner said they were before seeing the verdict: optional. */
export type Confidence = "sure" | "unsure";

/** An FSRS rating: 1 again, 2 hard, 3 good, 4 easy. */
export type ReviewRating = 1 | 2 | 3 | 4;

/**
 * The FSRS rating for an answer graded on the server. FSRS asks how hard recall was; a graded
 * answer says whether it happened, and the optional confidence tap says how hard it felt:
 * wrong → Again (whatever the confidence: FSRS has one failing grade); right and unsure → Hard
 * (recalled with effort, or partly guessed); right with no tap → Good (the default answer);
 * right and sure → Easy (recalled without effort).
 */
export function ratingFor(correct: boolean, confidence?: Confidence | null): ReviewRating {
  if (!correct) return Rating.Again;
  if (confidence === "unsure") return Rating.Hard;
  if (confidence === "sure") return Rating.Easy;
  return Rating.Good;
}

/** A card's memory state as stored (the columns of ReviewCard). */
export type MemoryState = {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

function toCard(m: MemoryState, at: Date): Card {
  const elapsed = m.lastReview
    ? Math.max(0, Math.floor((at.getTime() - m.lastReview.getTime()) / 86_400_000))
    : 0;
  return {
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: elapsed,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    last_review: m.lastReview ?? undefined,
  };
}

function fromCard(c: Card): MemoryState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ?? null,
  };
}

/** The state after one review rated `rating` at `at`. */
export function review(memory: MemoryState, at: Date, rating: ReviewRating): MemoryState {
  return fromCard(scheduler.next(toCard(memory, at), at, rating as Exclude<Rating, Rating.Manual>).card);
}

/**
 * A new card whose first review is the quiz answer that made it, at `at`: a missed question is
 * rated Again (it comes back the next day), one a learner added after answering it right is
 * rated Hard (right, but worth seeing again: about two days).
 */
export function firstReview(at: Date, rating: ReviewRating): MemoryState {
  return review(fromCard(createEmptyCard(at)), at, rating);
}

/** Days between two instants, with fractions (a review's real interval). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 86_400_000);
}
