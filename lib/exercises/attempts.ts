import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, direct } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { newId } from "@/lib/db/ids";
import { col, type SqlRunner, sql } from "@/lib/db/sql";
import type { CompletionRule } from "@/lib/progress/completion";
import { type CourseProgress, readProgressRows, toCourseProgress } from "@/lib/progress/course-progress";
import { exerciseProgressStatements } from "@/lib/progress/progress";
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

const attemptColumns = {
  id: col.text,
  submissionId: col.text,
  exerciseVersion: col.text,
  source: col.text,
  results: col.text,
  passed: col.bool,
  hintsUsed: col.int,
  createdAt: col.date,
};

const findStatement = (learnerId: string, submissionId: string) =>
  sql`SELECT "id", "submissionId", "exerciseVersion", "source", "results", "passed", "hintsUsed", "createdAt"
      FROM "ExerciseAttempt" WHERE "learnerId" = ${learnerId} AND "submissionId" = ${submissionId}`;

/** A learner's attempt with this submission id, or null (the same learner's double submit finds it). */
export async function findSubmission(learnerId: string, submissionId: string) {
  const [row] = await direct.query(findStatement(learnerId, submissionId), attemptColumns);
  return row ? toStored(row) : null;
}

/** What a graded submission answers with, read in the write's own transaction. */
export type SubmissionRead = {
  /** The learner's course progress after this attempt. */
  progress: CourseProgress;
  /** The learner's record on this version of the exercise. */
  history: { attempts: number; passed: boolean };
  /** The hints asked per check (hintsAsked's answer). */
  asked: Record<string, number>;
};

/** A learner's rows of one version of an exercise. */
const ofVersion = (k: VersionKey) =>
  sql`"learnerId" = ${k.learnerId} AND "courseSlug" = ${k.course} AND "lessonSlug" = ${k.lesson}
      AND "exerciseId" = ${k.exerciseId} AND "exerciseVersion" = ${k.version}`;

/** hintsAsked's answer, on `runner` (the adapter, or the submission's transaction). */
async function askedOn(runner: SqlRunner, k: VersionKey): Promise<Record<string, number>> {
  const rows = await runner.query(
    sql`SELECT "checkId", MAX("hintIndex") AS "asked" FROM "ExerciseHintRequest"
        WHERE ${ofVersion(k)} GROUP BY "checkId"`,
    { checkId: col.text, asked: col.int },
  );
  return Object.fromEntries(rows.map((r) => [r.checkId, r.asked]));
}

/** The course progress, the record on this version and the hints asked, on `runner`. */
async function readSubmission(runner: SqlRunner, k: VersionKey): Promise<SubmissionRead> {
  const rows = await readProgressRows(runner, k.learnerId, k.course);
  const mine = rows[2].find(
    (e) => e.lessonSlug === k.lesson && e.exerciseId === k.exerciseId && e.exerciseVersion === k.version,
  );
  return {
    progress: toCourseProgress(rows),
    history: { attempts: mine?.attempts ?? 0, passed: mine?.passed ?? false },
    asked: await askedOn(runner, k),
  };
}

/**
 * Stores a graded attempt once per learner and submission id (a double click or a replayed
 * request finds the first) and, in the same transaction, counts the hints the learner had asked
 * for, folds the attempt into the lesson's progress by the lesson's completion rule, and reads
 * what the answer shows. One transaction of raw statements on the PrismaClient's adapter
 * (decisions 035, 039): one turn of SQLite's transaction lock per submission, no query plans, and
 * no Prisma interactive transaction, whose 2 s wait for that lock failed submissions under load.
 * When an identical submission raced this one and stored first, the insert does nothing (on
 * PostgreSQL it waits for the other's commit), nothing else is written, and the answer is the
 * first one's attempt. Returns the stored attempt, whether this call created it, whether it
 * completed the lesson, and the read.
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
): Promise<{ attempt: StoredExerciseAttempt; created: boolean; completed: boolean; read: SubmissionRead }> {
  const existing = await findSubmission(attempt.learnerId, attempt.submissionId);
  if (existing) {
    const read = await direct.transaction((tx) => readSubmission(tx, attempt));
    return { attempt: existing, created: false, completed: false, read };
  }
  const id = newId();
  const createdAt = new Date();
  const results = JSON.stringify(attempt.checks);
  const progress = exerciseProgressStatements({
    learnerId: attempt.learnerId,
    course: attempt.course,
    lesson: attempt.lesson,
    exerciseId: attempt.exerciseId,
    passed: attempt.passed,
    rule: attempt.rule,
  });
  return direct.transaction(async (tx) => {
    const [row] = await tx.query(
      sql`
      INSERT INTO "ExerciseAttempt" ("id", "submissionId", "learnerId", "courseSlug", "lessonSlug", "exerciseId",
        "exerciseVersion", "source", "results", "passed", "hintsUsed", "gradeMs", "createdAt")
      VALUES (${id}, ${attempt.submissionId}, ${attempt.learnerId}, ${attempt.course}, ${attempt.lesson},
        ${attempt.exerciseId}, ${attempt.version}, ${attempt.source}, ${results}, ${attempt.passed},
        (SELECT COUNT(*) FROM "ExerciseHintRequest" WHERE ${ofVersion(attempt)}),
        ${Math.round(attempt.gradeMs)}, ${createdAt})
      ON CONFLICT ("learnerId", "submissionId") DO NOTHING
      RETURNING "id", "submissionId", "exerciseVersion", "source", "results", "passed", "hintsUsed", "createdAt"`,
      attemptColumns,
    );
    if (!row) {
      // Two identical submissions raced: the other one stored it; answer with its attempt.
      const [winner] = await tx.query(findStatement(attempt.learnerId, attempt.submissionId), attemptColumns);
      if (!winner) throw new Error("an exercise attempt's insert did nothing, and no attempt has its id");
      const read = await readSubmission(tx, attempt);
      return { attempt: toStored(winner), created: false, completed: false, read };
    }
    await tx.execute(progress.visit);
    const completed = progress.complete ? (await tx.execute(progress.complete)) === 1 : false;
    return { attempt: toStored(row), created: true, completed, read: await readSubmission(tx, attempt) };
  });
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
  return askedOn(direct, k);
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
