import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";
import type { CompletionRule } from "./completion";

type Key = { learnerId: string; course: string; lesson: string };

const where = (k: Key) => ({
  learnerId_courseSlug_lessonSlug: { learnerId: k.learnerId, courseSlug: k.course, lessonSlug: k.lesson },
});
const createKey = (k: Key) => ({ learnerId: k.learnerId, courseSlug: k.course, lessonSlug: k.lesson });

function better(a: { score: number; max: number }, b: { score: number | null; max: number | null }): boolean {
  if (b.score === null || !b.max) return true;
  return a.score / a.max > b.score / b.max;
}

/**
 * Whether the rest of a lesson's completion rule is met, besides the attempt being recorded:
 * every exercise it requires passed (any version), and a quiz passed when it requires one.
 */
async function restOfRuleMet(tx: Tx, k: Key, rule: CompletionRule, skip: "quiz" | string) {
  const exercises = rule.exercises.filter((id) => id !== skip);
  if (exercises.length > 0) {
    const passed = await tx.exerciseAttempt.findMany({
      where: { ...createKey(k), exerciseId: { in: exercises }, passed: true },
      select: { exerciseId: true },
      distinct: ["exerciseId"],
    });
    if (passed.length < exercises.length) return false;
  }
  if (rule.quiz && skip !== "quiz") {
    const quiz = await tx.quizAttempt.findFirst({
      where: { ...createKey(k), passed: true },
      select: { id: true },
    });
    if (!quiz) return false;
  }
  return true;
}

/** Locks (creating it if needed) the learner's row for the lesson and returns its latest state. */
function touchProgress(tx: Tx, k: Key, now: Date) {
  return tx.lessonProgress.upsert({
    where: where(k),
    create: { ...createKey(k), firstVisitedAt: now, lastVisitedAt: now },
    update: { lastVisitedAt: now },
    select: { bestScore: true, bestMaxScore: true, completedAt: true },
  });
}

/**
 * Folds a graded attempt into the lesson's progress: keeps the best score and completes the
 * lesson when the attempt passed and the lesson's completion rule (quiz, exercises or both;
 * lib/exercises/completion.ts) is met; without a rule a passed quiz completes it. Runs inside the
 * attempt's transaction, at any isolation level: the first statement upserts the row, which locks
 * it (INSERT … ON CONFLICT DO UPDATE) and returns its latest committed state, so concurrent
 * attempts of one learner on one lesson (from any app server) queue on that row and each compares
 * against the best so far. Attempts of different learners never touch the same row and never
 * wait for each other.
 */
export async function recordQuizOnProgress(
  tx: Tx,
  k: Key & { score: number; maxScore: number; passed: boolean; rule?: CompletionRule },
) {
  const now = new Date();
  const current = await touchProgress(tx, k, now);
  const best = better(
    { score: k.score, max: k.maxScore },
    { score: current.bestScore, max: current.bestMaxScore },
  );
  const complete =
    k.passed &&
    !current.completedAt &&
    (!k.rule || (k.rule.quiz && (await restOfRuleMet(tx, k, k.rule, "quiz"))));
  if (!best && !complete) return;
  await tx.lessonProgress.update({
    where: where(k),
    data: {
      ...(best ? { bestScore: k.score, bestMaxScore: k.maxScore } : {}),
      ...(complete ? { completedAt: now, completedBy: "quiz" } : {}),
    },
  });
}

/**
 * Folds a graded exercise attempt into the lesson's progress (inside the attempt's transaction,
 * locking the row as recordQuizOnProgress does): a pass completes the lesson when the rule asks
 * for exercises and every other one it names (and the quiz, when it asks for both) has passed.
 * Returns whether this attempt completed the lesson.
 */
export async function recordExerciseOnProgress(
  tx: Tx,
  k: Key & { exerciseId: string; passed: boolean; rule: CompletionRule },
): Promise<boolean> {
  const now = new Date();
  const current = await touchProgress(tx, k, now);
  if (!k.passed || current.completedAt || !k.rule.exercises.includes(k.exerciseId)) return false;
  if (!(await restOfRuleMet(tx, k, k.rule, k.exerciseId))) return false;
  await tx.lessonProgress.update({ where: where(k), data: { completedAt: now, completedBy: "exercises" } });
  return true;
}

/** Marks a lesson complete (or not) for a learner; repeating it changes nothing. */
export async function setLessonComplete(k: Key, complete: boolean) {
  const now = new Date();
  const existing = await db.lessonProgress.findUnique({ where: where(k), select: { completedAt: true } });
  if (complete && existing?.completedAt) return existing.completedAt;
  const data = complete
    ? { completedAt: now, completedBy: "manual" }
    : { completedAt: null, completedBy: null };
  const row = await db.lessonProgress.upsert({
    where: where(k),
    create: { ...createKey(k), firstVisitedAt: now, lastVisitedAt: now, ...data },
    update: data,
    select: { completedAt: true },
  });
  return row.completedAt;
}

/** Records a visit (and the section last read) for a learner the server already knows. */
export async function recordVisit(k: Key & { section?: string | null }) {
  const now = new Date();
  const section = k.section === undefined ? {} : { lastSection: k.section };
  await db.lessonProgress.upsert({
    where: where(k),
    create: { ...createKey(k), firstVisitedAt: now, lastVisitedAt: now, ...section },
    update: { lastVisitedAt: now, ...section },
  });
  await db.learner.update({ where: { id: k.learnerId }, data: { lastSeenAt: now } });
}

/**
 * Deletes a learner's progress, quiz and exercise attempts, hint requests and review cards in one
 * course: starting over (drafts stay: they are the learner's writing, not a record).
 */
export async function resetCourseProgress(learnerId: string, course: string) {
  const [progress, attempts, cards] = await db.$transaction([
    db.lessonProgress.deleteMany({ where: { learnerId, courseSlug: course } }),
    db.quizAttempt.deleteMany({ where: { learnerId, courseSlug: course } }),
    db.reviewCard.deleteMany({ where: { learnerId, courseSlug: course } }),
    db.exerciseAttempt.deleteMany({ where: { learnerId, courseSlug: course } }),
    db.exerciseHintRequest.deleteMany({ where: { learnerId, courseSlug: course } }),
  ]);
  return { progress: progress.count, attempts: attempts.count, cards: cards.count };
}

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

/**
 * One learner's progress in one course: lesson states, where they left off, and quiz stats.
 * Both reads go as one batch on one connection (a consistent view, and a graded quiz's write,
 * which answers with this, holds one pooled connection instead of two).
 */
export async function getCourseProgress(learnerId: string, course: string): Promise<CourseProgress> {
  const [rows, attempts, exerciseRows] = await db.$transaction([
    db.lessonProgress.findMany({ where: { learnerId, courseSlug: course } }),
    db.quizAttempt.findMany({
      where: { learnerId, courseSlug: course },
      select: {
        lessonSlug: true,
        quizId: true,
        quizVersion: true,
        score: true,
        maxScore: true,
        passed: true,
        createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    }),
    db.exerciseAttempt.groupBy({
      by: ["lessonSlug", "exerciseId", "exerciseVersion", "passed"],
      where: { learnerId, courseSlug: course },
      _count: { _all: true },
      _max: { createdAt: true },
      orderBy: { lessonSlug: "asc" },
    }),
  ]);
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
    const at = e._max?.createdAt?.toISOString() ?? "";
    exercises[key][e.exerciseVersion] ??= { attempts: 0, passed: false, latestAt: at };
    const stats = exercises[key][e.exerciseVersion]!;
    stats.attempts += typeof e._count === "object" ? (e._count._all ?? 0) : 0;
    stats.passed ||= e.passed;
    if (at > stats.latestAt) stats.latestAt = at;
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
