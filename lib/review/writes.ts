import "server-only";
import { z } from "zod";
import { checkboxes } from "@/lib/actions/decode";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { addCard } from "@/lib/cards/cards";
import { now } from "@/lib/clock";
import { SlugSchema } from "@/lib/content/slug";
import { findQuiz } from "@/lib/quiz/lookup";
import { ANSWERED_ELSEWHERE } from "./messages";
import { findLearnerCard, type ReviewAnswered, recordedReview, recordReview } from "./record";
import { sourceFor } from "./sources";

/** An answer on /review: the card, the round it was shown in, and the answer as the form sends it. */
export const ReviewAnswerSchema = z
  .object({
    card: z.string().regex(/^[a-z0-9]{10,40}$/i, "Unknown card; reload the page"),
    /** The card's review count when it was shown: a second tab's answer to the same round loses. */
    round: z.string().regex(/^\d{1,6}$/, "The card's round is missing; reload the page"),
    version: z.string().regex(/^[a-f0-9]{12}$/, "The question's version is missing; reload the page"),
    submissionId: z.string().uuid("The submission id is missing; reload the page"),
    confidence: z
      .enum(["sure", "unsure"], { message: 'must be "sure" or "unsure"' })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Picked choice ids, true/false, or item ids in order (radios, checkboxes or selects sharing the name). */
    choice: checkboxes(z.array(z.string().max(40, "is not a choice")).max(50)),
    /** A typed answer (fill in, number). */
    text: z.string().max(200, "is too long (200 characters at most)").optional(),
  })
  .refine((i) => i.choice.length > 0 || (i.text ?? "").trim() !== "", {
    message: "Answer the question first",
    path: ["answer"],
  });

/**
 * Grades an answer to a due card on the server and moves the card on its FSRS schedule. The
 * answer counts once per submission id; of two answers to the same round (two tabs), the first
 * to claim it wins and the other is told so, with nothing half-written.
 */
export const answerReview = defineWrite({
  name: "review.answer",
  schema: ReviewAnswerSchema,
  rateLimits: [perLearner("review")],
  async authorize(ctx, input) {
    const card = ctx.learnerId ? await findLearnerCard(ctx.learnerId, input.card) : null;
    const source = card ? sourceFor(card.kind) : null;
    if (!card || !source)
      throw new ActionError(
        "This card is not in your review (it may have been reset); reload the page",
        undefined,
        404,
      );
    return { card, source };
  },
  async write({ card, source }, input): Promise<ReviewAnswered> {
    const replay = await recordedReview(input.submissionId, card.id);
    if (replay) return replay;
    if (String(card.reps) !== input.round) throw new ActionError(ANSWERED_ELSEWHERE, undefined, 409);
    const verdict = await source.grade(card, input.version, { choice: input.choice, text: input.text });
    return recordReview(card, {
      submissionId: input.submissionId,
      correct: verdict.correct,
      confidence: input.confidence ?? null,
      answer: verdict.answer,
      version: input.version,
      at: now(),
    });
  },
});

export const AddToReviewSchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  quizId: SlugSchema,
  questionId: SlugSchema,
});

/** Puts a quiz question in the learner's review by hand (after answering it in the quiz). */
export const addToReview = defineWrite({
  name: "review.add",
  schema: AddToReviewSchema,
  rateLimits: [perLearner("review")],
  async authorize(_ctx, input) {
    const found = await findQuiz(input.course, input.lesson, input.quizId);
    if (!found?.quiz.questions.some((q) => q.id === input.questionId))
      throw new ActionError(
        "This question does not exist (it may have been removed); reload the page",
        undefined,
        404,
      );
  },
  async write(ctx, input) {
    const learnerId = await ctx.learner();
    const card = await addCard(
      learnerId,
      {
        kind: "quiz",
        course: input.course,
        lesson: input.lesson,
        sourceId: input.quizId,
        itemId: input.questionId,
      },
      now(),
    );
    return { due: card.due.toISOString() };
  },
});
