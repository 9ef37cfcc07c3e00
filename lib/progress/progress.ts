import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";

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
 * Folds a graded attempt into the lesson's progress: keeps the best score and completes the
 * lesson when the attempt passed. Runs inside the attempt's transaction, at any isolation level:
 * the first statement upserts the row, which locks it (INSERT … ON CONFLICT DO UPDATE) and
 * returns its latest committed state, so concurrent attempts of one learner on one lesson (from
 * any app server) queue on that row and each compares against the best so far. Attempts of
 * different learners never touch the same row and never wait for each other.
 */
export async function recordQuizOnProgress(
  tx: Tx,
  k: Key & { score: number; maxScore: number; passed: boolean },
) {
  const now = new Date();
  const current = await tx.lessonProgress.upsert({
    where: where(k),
    create: { ...createKey(k), firstVisitedAt: now, lastVisitedAt: now },
    update: { lastVisitedAt: now },
    select: { bestScore: true, bestMaxScore: true, completedAt: true },
  });
  const best = better(
    { score: k.score, max: k.maxScore },
    { score: current.bestScore, max: current.bestMaxScore },
  );
  const complete = k.passed && !current.completedAt;
  if (!best && !complete) return;
  await tx.lessonProgress.update({
    where: where(k),
    data: {
      ...(best ? { bestScore: k.score, bestMaxScore: k.maxScore } : {}),
      ...(complete ? { completedAt: now, completedBy: "quiz" } : {}),
    },
  });
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

/** Deletes a learner's progress, quiz attempts and review cards in one course: starting over. */
export async function resetCourseProgress(learnerId: string, course: string) {
  const [progress, attempts, cards] = await db.$transaction([
    db.lessonProgress.deleteMany({ where: { learnerId, courseSlug: course } }),
    db.quizAttempt.deleteMany({ where: { learnerId, courseSlug: course } }),
    db.reviewCard.deleteMany({ where: { learnerId, courseSlug: course } }),
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
};

/**
 * One learner's progress in one course: lesson states, where they left off, and quiz stats.
 * Both reads go as one batch on one connection (a consistent view, and a graded quiz's write,
 * which answers with this, holds one pooled connection instead of two).
 */
export async function getCourseProgress(learnerId: string, course: string): Promise<CourseProgress> {
  const [rows, attempts] = await db.$transaction([
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
  return { lessons, last, quizzes };
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
