import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { addCards } from "@/lib/cards/cards";
import { now } from "@/lib/clock";
import { db, direct } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import { col, sql } from "@/lib/db/sql";
import type { CompletionRule } from "@/lib/progress/completion";
import {
  type ProgressAndHistory,
  type ProgressRows,
  progressAndHistory,
  readProgressRows,
} from "@/lib/progress/course-progress";
import { quizProgressStatements } from "@/lib/progress/progress";
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

/** The attempt a submission id already names (and whose it is), or null for a new submission. */
export async function findAttempt(
  submissionId: string,
): Promise<{ learnerId: string; attempt: StoredAttempt } | null> {
  // On the PrismaClient's adapter: every quiz submission asks this first (lib/db/sql.ts).
  const [row] = await direct.query(
    sql`SELECT "id", "submissionId", "learnerId", "quizVersion", "score", "maxScore", "passed", "createdAt", "results"
        FROM "QuizAttempt" WHERE "submissionId" = ${submissionId}`,
    {
      id: col.text,
      submissionId: col.text,
      learnerId: col.text,
      quizVersion: col.text,
      score: col.int,
      maxScore: col.int,
      passed: col.bool,
      createdAt: col.date,
      results: col.text,
    },
  );
  if (!row) return null;
  return { learnerId: row.learnerId, attempt: toStored(row) };
}

/**
 * One of the learner's own attempts at a quiz, with the answers it was sent with, or null when
 * the learner has no attempt by that id at that quiz.
 */
export async function findLearnerAttempt(k: {
  learnerId: string;
  course: string;
  lesson: string;
  quizId: string;
  attemptId: string;
}): Promise<{ attempt: StoredAttempt; answers: Answers } | null> {
  const row = await db.quizAttempt.findFirst({
    where: {
      id: k.attemptId,
      learnerId: k.learnerId,
      courseSlug: k.course,
      lessonSlug: k.lesson,
      quizId: k.quizId,
    },
    select: { ...select, answers: true },
  });
  return row ? { attempt: toStored(row), answers: JSON.parse(row.answers) as Answers } : null;
}

/** The learner whose attempt a submission id already names, or null for a new submission. */
export async function submissionOwner(submissionId: string): Promise<string | null> {
  return (await findAttempt(submissionId))?.learnerId ?? null;
}

/**
 * Stores an attempt exactly once per submission id (a double click or replayed request finds
 * the first one) and, in the same transaction, folds it into the learner's lesson progress, puts
 * every question it got wrong in the learner's review, and reads the course progress the answer
 * shows. `known` is what the caller already looked up for this submission id (the quiz write's
 * authorize step does), so it is not read twice. One transaction of raw statements on the
 * PrismaClient's adapter (decisions 033, 035): no query plan, no client around each statement. When an
 * identical submission raced this one and stored it first, the attempt's unique submission id
 * refuses this insert, the whole batch rolls back, and the answer is the first one's attempt.
 * Returns the stored attempt, whether this call created it, and (when it did) the progress read.
 */
export async function recordAttempt(
  attempt: NewAttempt,
  known?: { learnerId: string; attempt: StoredAttempt } | null,
): Promise<{ attempt: StoredAttempt; created: boolean; read?: ProgressAndHistory } | { conflict: true }> {
  const existing = known === undefined ? await findAttempt(attempt.submissionId) : known;
  if (existing) {
    if (existing.learnerId !== attempt.learnerId) return { conflict: true };
    return { attempt: existing.attempt, created: false };
  }
  const id = newId();
  const createdAt = new Date();
  const answers = JSON.stringify(attempt.answers);
  const results = JSON.stringify(attempt.result.questions);
  const { score, maxScore, passed } = attempt.result;
  const k = { learnerId: attempt.learnerId, course: attempt.course, lesson: attempt.lesson };
  const missed = attempt.result.questions.filter((q) => !q.correct);
  const cards = addCards(
    attempt.learnerId,
    missed.map((q) => ({
      kind: "quiz",
      course: k.course,
      lesson: k.lesson,
      sourceId: attempt.quizId,
      itemId: q.id,
    })),
    "missed",
    now(),
  );
  const writes = [
    sql`
      INSERT INTO "QuizAttempt" ("id", "submissionId", "learnerId", "courseSlug", "lessonSlug", "quizId",
        "quizVersion", "answers", "results", "score", "maxScore", "passed", "createdAt")
      VALUES (${id}, ${attempt.submissionId}, ${attempt.learnerId}, ${attempt.course}, ${attempt.lesson},
        ${attempt.quizId}, ${attempt.quizVersion}, ${answers}, ${results}, ${score}, ${maxScore},
        ${passed}, ${createdAt})`,
    ...quizProgressStatements({ ...k, score, maxScore, passed, rule: attempt.rule }),
    ...(cards ? [cards] : []),
  ];
  let rows: ProgressRows;
  try {
    rows = await direct.transaction(async (tx) => {
      for (const statement of writes) await tx.execute(statement);
      return readProgressRows(tx, k.learnerId, k.course);
    });
  } catch (error) {
    // Two identical submissions raced: the other one stored it (on PostgreSQL this insert waited
    // for its commit); answer with its attempt. Anything else is a failure.
    const winner = await findAttempt(attempt.submissionId);
    if (!winner) throw error;
    if (winner.learnerId === attempt.learnerId) return { attempt: winner.attempt, created: false };
    return { conflict: true };
  }
  const stored: StoredAttempt = {
    id,
    submissionId: attempt.submissionId,
    quizVersion: attempt.quizVersion,
    score,
    maxScore,
    passed,
    createdAt,
    result: {
      score,
      maxScore,
      percent: percentOf(score, maxScore),
      passed,
      questions: attempt.result.questions,
    },
  };
  const read = progressAndHistory(rows, {
    lesson: attempt.lesson,
    quizId: attempt.quizId,
    quizVersion: attempt.quizVersion,
  });
  return { attempt: stored, created: true, read };
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
