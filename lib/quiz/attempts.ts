import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { addCards } from "@/lib/cards/cards";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { CompletionRule } from "@/lib/progress/completion";
import { recordQuizOnProgress } from "@/lib/progress/progress";
import { type Answers, type GradeResult, percentOf } from "./grade";

export type StoredAttempt = {
  id: string;
  submissionId: string;
  quizVersion: string;
  score: number;
  maxScore: number;
  passed: boolean;
  createdAt: Date;
  result: GradeResult;
};

type NewAttempt = {
  learnerId: string;
  submissionId: string;
  course: string;
  lesson: string;
  quizId: string;
  quizVersion: string;
  answers: Answers;
  result: GradeResult;
  /** The lesson's completion rule (lib/exercises/completion.ts); without one a pass completes the lesson. */
  rule?: CompletionRule;
};

const select = {
  id: true,
  submissionId: true,
  learnerId: true,
  quizVersion: true,
  score: true,
  maxScore: true,
  passed: true,
  createdAt: true,
  results: true,
} as const;

function toStored(row: Prisma.QuizAttemptGetPayload<{ select: typeof select }>): StoredAttempt {
  const percent = percentOf(row.score, row.maxScore);
  const questions = JSON.parse(row.results) as GradeResult["questions"];
  return {
    id: row.id,
    submissionId: row.submissionId,
    quizVersion: row.quizVersion,
    score: row.score,
    maxScore: row.maxScore,
    passed: row.passed,
    createdAt: row.createdAt,
    result: { score: row.score, maxScore: row.maxScore, percent, passed: row.passed, questions },
  };
}

/** The learner whose attempt a submission id already names, or null for a new submission. */
export async function submissionOwner(submissionId: string): Promise<string | null> {
  const row = await db.quizAttempt.findUnique({ where: { submissionId }, select: { learnerId: true } });
  return row?.learnerId ?? null;
}

/**
 * Stores an attempt exactly once per submission id (a double click or replayed request finds
 * the first one) and, in the same transaction, folds it into the learner's lesson progress and
 * puts every question it got wrong in the learner's review.
 * Returns the stored attempt and whether this call created it.
 */
export async function recordAttempt(
  attempt: NewAttempt,
): Promise<{ attempt: StoredAttempt; created: boolean } | { conflict: true }> {
  const existing = await db.quizAttempt.findUnique({ where: { submissionId: attempt.submissionId }, select });
  if (existing) {
    if (existing.learnerId !== attempt.learnerId) return { conflict: true };
    return { attempt: toStored(existing), created: false };
  }
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.quizAttempt.create({
        data: {
          submissionId: attempt.submissionId,
          learnerId: attempt.learnerId,
          courseSlug: attempt.course,
          lessonSlug: attempt.lesson,
          quizId: attempt.quizId,
          quizVersion: attempt.quizVersion,
          answers: JSON.stringify(attempt.answers),
          results: JSON.stringify(attempt.result.questions),
          score: attempt.result.score,
          maxScore: attempt.result.maxScore,
          passed: attempt.result.passed,
        },
        select,
      });
      await recordQuizOnProgress(tx, {
        learnerId: attempt.learnerId,
        course: attempt.course,
        lesson: attempt.lesson,
        score: attempt.result.score,
        maxScore: attempt.result.maxScore,
        passed: attempt.result.passed,
        rule: attempt.rule,
      });
      const missed = attempt.result.questions.filter((q) => !q.correct);
      await addCards(
        tx,
        attempt.learnerId,
        missed.map((q) => ({
          kind: "quiz",
          course: attempt.course,
          lesson: attempt.lesson,
          sourceId: attempt.quizId,
          itemId: q.id,
        })),
        "missed",
        now(),
      );
      return created;
    });
    return { attempt: toStored(row), created: true };
  } catch (error) {
    // Two identical submissions raced: the other one won; answer with its attempt.
    if (isUniqueViolation(error)) {
      const winner = await db.quizAttempt.findUnique({
        where: { submissionId: attempt.submissionId },
        select,
      });
      if (winner && winner.learnerId === attempt.learnerId) {
        return { attempt: toStored(winner), created: false };
      }
      return { conflict: true };
    }
    throw error;
  }
}

/**
 * A learner's record on one version of a quiz: how many attempts, and whether any passed.
 * Both counts go as one batch on one connection.
 */
export async function attemptHistory(k: {
  learnerId: string;
  course: string;
  lesson: string;
  quizId: string;
  quizVersion: string;
}): Promise<{ attempts: number; passed: boolean }> {
  const where = {
    learnerId: k.learnerId,
    courseSlug: k.course,
    lessonSlug: k.lesson,
    quizId: k.quizId,
    quizVersion: k.quizVersion,
  };
  const [attempts, passed] = await db.$transaction([
    db.quizAttempt.count({ where }),
    db.quizAttempt.count({ where: { ...where, passed: true } }),
  ]);
  return { attempts, passed: passed > 0 };
}
