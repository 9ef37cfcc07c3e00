import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { CompletionRule } from "@/lib/progress/completion";
import { recordExerciseOnProgress } from "@/lib/progress/progress";
import type { CheckOutcome } from "./types";

/** Which exercise of which lesson, and the version the learner worked on. */
export type ExerciseKey = { course: string; lesson: string; exerciseId: string };
type LearnerKey = ExerciseKey & { learnerId: string };
type VersionKey = LearnerKey & { version: string };

export type StoredExerciseAttempt = {
  id: string;
  submissionId: string;
  exerciseVersion: string;
  source: string;
  passed: boolean;
  checks: CheckOutcome[];
  hintsUsed: number;
  createdAt: Date;
};

const select = {
  id: true,
  submissionId: true,
  exerciseVersion: true,
  source: true,
  results: true,
  passed: true,
  hintsUsed: true,
  createdAt: true,
} as const;

type Row = Prisma.ExerciseAttemptGetPayload<{ select: typeof select }>;

function toStored(row: Row): StoredExerciseAttempt {
  let checks: CheckOutcome[] = [];
  try {
    const parsed = JSON.parse(row.results) as unknown;
    if (Array.isArray(parsed)) checks = parsed as CheckOutcome[];
  } catch {
    // A row written by hand or damaged: it shows no checks rather than failing the page.
  }
  return {
    id: row.id,
    submissionId: row.submissionId,
    exerciseVersion: row.exerciseVersion,
    source: row.source,
    passed: row.passed,
    checks,
    hintsUsed: row.hintsUsed,
    createdAt: row.createdAt,
  };
}

const scope = (k: LearnerKey) => ({
  learnerId: k.learnerId,
  courseSlug: k.course,
  lessonSlug: k.lesson,
  exerciseId: k.exerciseId,
});

/** A learner's attempt with this submission id, or null (the same learner's double submit finds it). */
export async function findSubmission(learnerId: string, submissionId: string) {
  const row = await db.exerciseAttempt.findUnique({
    where: { learnerId_submissionId: { learnerId, submissionId } },
    select,
  });
  return row ? toStored(row) : null;
}

/**
 * Stores a graded attempt once per learner and submission id (a double click or a replayed
 * request finds the first) and, in the same transaction, folds it into the lesson's progress by
 * the lesson's completion rule. Returns the stored attempt, whether this call created it, and
 * whether it completed the lesson.
 */
export async function recordExerciseAttempt(
  attempt: VersionKey & {
    submissionId: string;
    source: string;
    passed: boolean;
    checks: CheckOutcome[];
    gradeMs: number;
    rule: CompletionRule;
  },
): Promise<{ attempt: StoredExerciseAttempt; created: boolean; completed: boolean }> {
  const existing = await findSubmission(attempt.learnerId, attempt.submissionId);
  if (existing) return { attempt: existing, created: false, completed: false };
  try {
    return await db.$transaction(async (tx) => {
      const hintsUsed = await tx.exerciseHintRequest.count({
        where: { ...scope(attempt), exerciseVersion: attempt.version },
      });
      const row = await tx.exerciseAttempt.create({
        data: {
          ...scope(attempt),
          submissionId: attempt.submissionId,
          exerciseVersion: attempt.version,
          source: attempt.source,
          results: JSON.stringify(attempt.checks),
          passed: attempt.passed,
          hintsUsed,
          gradeMs: Math.round(attempt.gradeMs),
        },
        select,
      });
      const completed = await recordExerciseOnProgress(tx, {
        learnerId: attempt.learnerId,
        course: attempt.course,
        lesson: attempt.lesson,
        exerciseId: attempt.exerciseId,
        passed: attempt.passed,
        rule: attempt.rule,
      });
      return { attempt: toStored(row), created: true, completed };
    });
  } catch (error) {
    // Two identical submissions raced: the other one won; answer with its attempt.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findSubmission(attempt.learnerId, attempt.submissionId);
    if (!winner) throw error;
    return { attempt: winner, created: false, completed: false };
  }
}

/** A learner's record on one version of an exercise: attempts, and whether one passed. */
export async function exerciseHistory(k: VersionKey): Promise<{ attempts: number; passed: boolean }> {
  const where = { ...scope(k), exerciseVersion: k.version };
  const [attempts, passed] = await db.$transaction([
    db.exerciseAttempt.count({ where }),
    db.exerciseAttempt.count({ where: { ...where, passed: true } }),
  ]);
  return { attempts, passed: passed > 0 };
}

/** The hints a learner asked for on one version of an exercise: per check id, how many (1 = the second hint). */
export async function hintsAsked(k: VersionKey): Promise<Record<string, number>> {
  const rows = await db.exerciseHintRequest.groupBy({
    by: ["checkId"],
    where: { ...scope(k), exerciseVersion: k.version },
    _max: { hintIndex: true },
  });
  return Object.fromEntries(rows.map((r) => [r.checkId, r._max?.hintIndex ?? 0]));
}

/**
 * Records that a learner asked for hint `index` (1-based beyond the first, which every failed
 * check shows) of one check; asking again is the same request.
 */
export async function recordHintRequest(k: VersionKey & { checkId: string; index: number }): Promise<void> {
  const data = { ...scope(k), exerciseVersion: k.version, checkId: k.checkId, hintIndex: k.index };
  try {
    await db.exerciseHintRequest.upsert({
      where: { learnerId_courseSlug_lessonSlug_exerciseId_exerciseVersion_checkId_hintIndex: data },
      create: data,
      update: {},
    });
  } catch (error) {
    // Two requests for the same hint at once: the other one recorded it.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** The learner's latest attempt at an exercise (any version), or null. */
export async function latestAttempt(k: LearnerKey): Promise<StoredExerciseAttempt | null> {
  const row = await db.exerciseAttempt.findFirst({
    where: scope(k),
    orderBy: { createdAt: "desc" },
    select,
  });
  return row ? toStored(row) : null;
}

/** One attempt by id, only when it is this learner's at this exercise (a link names no one else's). */
export async function ownAttempt(k: LearnerKey, id: string): Promise<StoredExerciseAttempt | null> {
  const row = await db.exerciseAttempt.findFirst({ where: { ...scope(k), id }, select });
  return row ? toStored(row) : null;
}
