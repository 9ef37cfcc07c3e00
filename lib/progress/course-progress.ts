import "server-only";
import { db, direct } from "@/lib/db";
import { col, type SqlRunner, sql } from "@/lib/db/sql";

// A learner's progress in a course as the pages and the writes' answers show it, read in one
// transaction (the writes that answer with it read it inside their own). How it is written:
// ./progress.ts.

export type LessonState = {
  completed: boolean;
  completedAt: string | null;
  visitedAt: string | null;
  lastSection: string | null;
  bestScore: number | null;
  bestMaxScore: number | null;
};

export type QuizVersionStats = {
  attempts: number;
  best: { score: number; maxScore: number };
  latest: { score: number; maxScore: number; passed: boolean; at: string };
};

export type CourseProgress = {
  lessons: Record<string, LessonState>;
  last: { lesson: string; section: string | null; at: string } | null;
  /** Per `lesson/quizId`, per quiz version: versions are never mixed (the page knows the current one). */
  quizzes: Record<string, Record<string, QuizVersionStats>>;
  /** Per `lesson/exerciseId`, per exercise version: attempts and whether one passed. */
  exercises: Record<string, Record<string, ExerciseVersionStats>>;
};

export type ExerciseVersionStats = { attempts: number; passed: boolean; latestAt: string };

type ProgressRow = {
  lessonSlug: string;
  completedAt: Date | null;
  lastVisitedAt: Date | null;
  lastSection: string | null;
  bestScore: number | null;
  bestMaxScore: number | null;
};
type AttemptRow = {
  lessonSlug: string;
  quizId: string;
  quizVersion: string;
  score: number;
  maxScore: number;
  passed: boolean;
  createdAt: Date;
};
type ExerciseRow = {
  lessonSlug: string;
  exerciseId: string;
  exerciseVersion: string;
  attempts: number;
  passed: boolean;
  latestAt: Date;
};
export type ProgressRows = [ProgressRow[], AttemptRow[], ExerciseRow[]];

/**
 * The three reads of a learner's course progress, on `runner`: the quiz write runs them in its
 * own transaction, after its writes; the other readers in a read-only one (a consistent view).
 * Raw SQL on the PrismaClient's adapter (lib/db/sql.ts): a graded quiz answers with this.
 */
export async function readProgressRows(
  runner: SqlRunner,
  learnerId: string,
  course: string,
): Promise<ProgressRows> {
  const lessons = await runner.query(
    sql`SELECT "lessonSlug", "completedAt", "lastVisitedAt", "lastSection", "bestScore", "bestMaxScore"
        FROM "LessonProgress" WHERE "learnerId" = ${learnerId} AND "courseSlug" = ${course}`,
    {
      lessonSlug: col.text,
      completedAt: col.dateOrNull,
      lastVisitedAt: col.dateOrNull,
      lastSection: col.textOrNull,
      bestScore: col.intOrNull,
      bestMaxScore: col.intOrNull,
    },
  );
  const attempts = await runner.query(
    sql`SELECT "lessonSlug", "quizId", "quizVersion", "score", "maxScore", "passed", "createdAt"
        FROM "QuizAttempt" WHERE "learnerId" = ${learnerId} AND "courseSlug" = ${course}
        ORDER BY "createdAt" ASC, "id" ASC`,
    {
      lessonSlug: col.text,
      quizId: col.text,
      quizVersion: col.text,
      score: col.int,
      maxScore: col.int,
      passed: col.bool,
      createdAt: col.date,
    },
  );
  const exercises = await runner.query(
    sql`SELECT "lessonSlug", "exerciseId", "exerciseVersion", COUNT(*) AS "attempts",
          MAX(CASE WHEN "passed" THEN 1 ELSE 0 END) AS "passed", MAX("createdAt") AS "latestAt"
        FROM "ExerciseAttempt" WHERE "learnerId" = ${learnerId} AND "courseSlug" = ${course}
        GROUP BY "lessonSlug", "exerciseId", "exerciseVersion"`,
    {
      lessonSlug: col.text,
      exerciseId: col.text,
      exerciseVersion: col.text,
      attempts: col.int,
      passed: col.bool,
      latestAt: col.date,
    },
  );
  return [lessons, attempts, exercises];
}

async function readCourseProgress(learnerId: string, course: string): Promise<ProgressRows> {
  return direct.transaction((tx) => readProgressRows(tx, learnerId, course));
}

/**
 * One learner's progress in one course: lesson states, where they left off, and quiz stats.
 * Both reads go as one batch on one connection (a consistent view, and a graded quiz's write,
 * which answers with this, holds one pooled connection instead of two).
 */
export async function getCourseProgress(learnerId: string, course: string): Promise<CourseProgress> {
  return toCourseProgress(await readCourseProgress(learnerId, course));
}

/**
 * The course progress and, from the same read, the learner's record on one version of one quiz
 * (how many attempts, whether any passed): what a graded quiz answers with.
 */
export async function getCourseProgressAndHistory(
  learnerId: string,
  course: string,
  quiz: QuizKey,
): Promise<ProgressAndHistory> {
  return progressAndHistory(await readCourseProgress(learnerId, course), quiz);
}

type QuizKey = { lesson: string; quizId: string; quizVersion: string };
export type ProgressAndHistory = {
  progress: CourseProgress;
  history: { attempts: number; passed: boolean };
};

/** getCourseProgressAndHistory's answer from what readProgressRows read. */
export function progressAndHistory(rows: ProgressRows, quiz: QuizKey): ProgressAndHistory {
  const mine = rows[1].filter(
    (a) => a.lessonSlug === quiz.lesson && a.quizId === quiz.quizId && a.quizVersion === quiz.quizVersion,
  );
  return {
    progress: toCourseProgress(rows),
    history: { attempts: mine.length, passed: mine.some((a) => a.passed) },
  };
}

/** A learner's course progress from what readProgressRows read. */
export function toCourseProgress([rows, attempts, exerciseRows]: ProgressRows): CourseProgress {
  const lessons: Record<string, LessonState> = {};
  let last: CourseProgress["last"] = null;
  for (const r of rows) {
    lessons[r.lessonSlug] = {
      completed: Boolean(r.completedAt),
      completedAt: r.completedAt?.toISOString() ?? null,
      visitedAt: r.lastVisitedAt?.toISOString() ?? null,
      lastSection: r.lastSection,
      bestScore: r.bestScore,
      bestMaxScore: r.bestMaxScore,
    };
    if (r.lastVisitedAt && (!last || r.lastVisitedAt.toISOString() > last.at)) {
      last = { lesson: r.lessonSlug, section: r.lastSection, at: r.lastVisitedAt.toISOString() };
    }
  }
  const quizzes: CourseProgress["quizzes"] = {};
  for (const a of attempts) {
    const key = `${a.lessonSlug}/${a.quizId}`;
    quizzes[key] ??= {};
    const byVersion = quizzes[key];
    const latest = { score: a.score, maxScore: a.maxScore, passed: a.passed, at: a.createdAt.toISOString() };
    const stats = byVersion[a.quizVersion];
    if (!stats) {
      byVersion[a.quizVersion] = { attempts: 1, best: { score: a.score, maxScore: a.maxScore }, latest };
      continue;
    }
    stats.attempts++;
    if (a.score / a.maxScore > stats.best.score / stats.best.maxScore)
      stats.best = { score: a.score, maxScore: a.maxScore };
    stats.latest = latest;
  }
  const exercises: CourseProgress["exercises"] = {};
  for (const e of exerciseRows) {
    const key = `${e.lessonSlug}/${e.exerciseId}`;
    exercises[key] ??= {};
    exercises[key][e.exerciseVersion] = {
      attempts: e.attempts,
      passed: e.passed,
      latestAt: e.latestAt.toISOString(),
    };
  }
  return { lessons, last, quizzes, exercises };
}

export type AttemptSummary = {
  id: string;
  course: string;
  lesson: string;
  quizId: string;
  quizVersion: string;
  score: number;
  maxScore: number;
  passed: boolean;
  at: Date;
};

/** A learner's quiz attempts, newest first. */
export async function getAttemptHistory(learnerId: string, take = 200): Promise<AttemptSummary[]> {
  const rows = await db.quizAttempt.findMany({
    where: { learnerId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      courseSlug: true,
      lessonSlug: true,
      quizId: true,
      quizVersion: true,
      score: true,
      maxScore: true,
      passed: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    course: r.courseSlug,
    lesson: r.lessonSlug,
    quizId: r.quizId,
    quizVersion: r.quizVersion,
    score: r.score,
    maxScore: r.maxScore,
    passed: r.passed,
    at: r.createdAt,
  }));
}
