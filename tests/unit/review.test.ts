// The pure parts of review: the rating an answer earns, the schedule it leads to, the order a
// card's choices come in, how a form's answer is read, and the instructors' interval buckets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstReview, ratingFor, review } from "@/lib/cards/schedule";
import type { Question } from "@/lib/content/quiz-schema";
import { intervalBucket, reviewFigures } from "@/lib/instructor/review-figures";
import { seededShuffle, seededShuffleAvoiding } from "@/lib/review/shuffle";
import { toQuizAnswer } from "@/lib/review/sources";
import { dueText } from "@/lib/review/when";

const DAY = 86_400_000;
const t0 = new Date("2030-01-07T09:00:00Z");
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY;

describe("grading a review for FSRS", () => {
  it("maps wrong to Again whatever the confidence, and right to Hard, Good or Easy by it", () => {
    expect(ratingFor(false)).toBe(1);
    expect(ratingFor(false, "sure")).toBe(1);
    expect(ratingFor(false, "unsure")).toBe(1);
    expect(ratingFor(true, "unsure")).toBe(2);
    expect(ratingFor(true)).toBe(3);
    expect(ratingFor(true, null)).toBe(3);
    expect(ratingFor(true, "sure")).toBe(4);
  });

  it("a missed question is due the next day; an added one a little later", () => {
    expect(days(t0, firstReview(t0, 1).due)).toBe(1);
    expect(days(t0, firstReview(t0, 2).due)).toBeGreaterThan(1);
    expect(firstReview(t0, 1).reps).toBe(1);
  });

  it("over any history, a right answer never comes back sooner than a wrong one, and due dates lie ahead", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, { maxLength: 8 }),
        (ratings) => {
          let memory = firstReview(t0, 1);
          let at = t0;
          for (const r of ratings) {
            at = new Date(memory.due.getTime() + 3600_000);
            memory = review(memory, at, r);
          }
          at = new Date(memory.due.getTime() + 3600_000);
          const wrong = review(memory, at, 1);
          const right = review(memory, at, 3);
          expect(right.due.getTime()).toBeGreaterThanOrEqual(wrong.due.getTime());
          expect(wrong.due.getTime()).toBeGreaterThan(at.getTime());
          expect(wrong.lapses).toBe(memory.lapses + 1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the order of a card's choices", () => {
  const items = ["a", "b", "c", "d"].map((id) => ({ id, text: id.toUpperCase() }));

  it("is the same for a seed (a reload) and changes from round to round", () => {
    expect(seededShuffle(items, "card:1")).toEqual(seededShuffle(items, "card:1"));
    const orders = new Set(
      Array.from({ length: 12 }, (_, round) =>
        seededShuffle(items, `card:${round}`)
          .map((i) => i.id)
          .join(""),
      ),
    );
    expect(orders.size).toBeGreaterThan(4);
  });

  it("keeps every choice exactly once, and an order question never starts solved", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 8 }),
        (seed, ids) => {
          const list = ids.map((id) => ({ id }));
          const shuffled = seededShuffleAvoiding(list, seed, ids);
          expect(shuffled.map((i) => i.id).sort()).toEqual([...ids].sort());
          expect(shuffled.map((i) => i.id)).not.toEqual(ids);
        },
      ),
    );
  });
});

describe("reading the review form's answer", () => {
  const base = { id: "q", prompt: "?", points: 1 };
  const q = (extra: object) => ({ ...base, ...extra }) as Question;

  it("turns the form's fields into the quiz's kind of answer", () => {
    expect(toQuizAnswer(q({ type: "single", choices: [] }), { choice: ["abc"] })).toBe("abc");
    expect(toQuizAnswer(q({ type: "multiple", choices: [] }), { choice: ["a", "b"] })).toEqual(["a", "b"]);
    expect(toQuizAnswer(q({ type: "truefalse", answer: true }), { choice: ["false"] })).toBe(false);
    expect(toQuizAnswer(q({ type: "numeric", answer: 1 }), { text: " 98,6 " })).toBe(98.6);
    expect(toQuizAnswer(q({ type: "numeric", answer: 1 }), { text: "lots" })).toBe("lots");
    expect(toQuizAnswer(q({ type: "fill", accept: ["x"] }), { text: "--from" })).toBe("--from");
    expect(toQuizAnswer(q({ type: "order", items: [] }), { choice: ["b", "a"] })).toEqual(["b", "a"]);
    expect(toQuizAnswer(q({ type: "single", choices: [] }), {})).toBeUndefined();
  });
});

describe("when a card is due, in words", () => {
  it("says now, hours, tomorrow or days with the date", () => {
    expect(dueText(t0, t0)).toBe("now");
    expect(dueText(new Date(t0.getTime() + 5 * 3600_000), t0)).toBe("in 5 hours");
    expect(dueText(new Date(t0.getTime() + DAY), t0)).toBe("tomorrow (Tue 8 January)");
    // A card answered a minute ago, due a day after the answer: tomorrow, not "in 24 hours".
    expect(dueText(new Date(t0.getTime() + DAY - 60_000), t0)).toBe("tomorrow (Tue 8 January)");
    expect(dueText(new Date(t0.getTime() + 20 * 3600_000), t0)).toBe("in 20 hours");
    expect(dueText(new Date(t0.getTime() + 3 * DAY), t0)).toBe("in 3 days (Thu 10 January)");
  });
});

describe("instructors' review figures", () => {
  it("groups answers by the days since the card was last seen", () => {
    expect([0.2, 1, 1.4, 1.6, 7, 7.4, 8, 30, 31, 400].map(intervalBucket)).toEqual([
      0, 0, 0, 1, 1, 1, 2, 2, 3, 3,
    ]);
    const figures = reviewFigures(3, [
      { elapsedDays: 1, correct: false },
      { elapsedDays: 1.1, correct: true },
      { elapsedDays: 3, correct: true },
      { elapsedDays: 45, correct: false },
    ]);
    expect(figures.learners).toBe(3);
    expect(figures.byInterval.map((b) => [b.label, b.right.count, b.right.total])).toEqual([
      ["1 day", 1, 2],
      ["2–7 days", 1, 1],
      ["8–30 days", 0, 0],
      ["30+ days", 0, 1],
    ]);
  });
});
