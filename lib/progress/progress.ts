import "server-only";
import { db, direct } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import { col, join, type Statement, sql } from "@/lib/db/sql";
import type { CompletionRule } from "./completion";

// How a learner's progress is written: the statements the quiz and exercise writes run in their
// transactions (the completion rule once, below), marking a lesson complete, visits, starting
// over. How it is read: ./course-progress.ts.

type Key = { learnerId: string; course: string; lesson: string };

const where = (k: Key) => ({
  learnerId_courseSlug_lessonSlug: { learnerId: k.learnerId, courseSlug: k.course, lessonSlug: k.lesson },
});
const createKey = (k: Key) => ({ learnerId: k.learnerId, courseSlug: k.course, lessonSlug: k.lesson });

/** The learner's rows of one lesson, in the completion statements below. */
const ofLesson = (k: Key) =>
  sql`"learnerId" = ${k.learnerId} AND "courseSlug" = ${k.course} AND "lessonSlug" = ${k.lesson}`;

/**
 * The completion rule's "every required exercise passed", once for both writes: each exercise
 * `exercises` names has a passed attempt by the learner in this lesson (any version).
 */
function everyExercisePassed(k: Key, exercises: string[]): Statement {
  return sql`(SELECT COUNT(DISTINCT "exerciseId") FROM "ExerciseAttempt"
    WHERE ${ofLesson(k)} AND "passed" = ${true} AND "exerciseId" IN (${join(exercises)})) = ${exercises.length}`;
}

/**
 * Completes the lesson, by `by`, when `conditions` hold and it is not complete yet: run after the
 * write's upsert of the progress row, which locks that row, so on PostgreSQL it sees every pass
 * committed before it (a racing pass of the other kind is seen by whichever commits second).
 */
function completeWhen(k: Key, by: "quiz" | "exercises", now: Date, conditions: Statement[]): Statement {
  return sql`UPDATE "LessonProgress" SET "completedAt" = ${now}, "completedBy" = ${by}, "updatedAt" = ${now}
    WHERE ${ofLesson(k)} AND "completedAt" IS NULL AND ${join(conditions, " AND ")}`;
}

/**
 * Folds a graded attempt into the lesson's progress: keeps the best score and completes the
 * lesson when the attempt passed and the lesson's completion rule (quiz, exercises or both;
 * lib/exercises/completion.ts) is met; without a rule a passed quiz completes it. Returns the
 * statements for the quiz write's transaction (lib/quiz/attempts.ts), in order: an INSERT … ON CONFLICT DO UPDATE that keeps the best score and, when the quiz alone
 * completes the lesson, completes it; then, when the rule also asks for exercises, an UPDATE that
 * completes it only if every one of them has a passed attempt. Raw SQL on the PrismaClient's
 * adapter (lib/db/sql.ts: no query plan, no client around each statement), atomic at any isolation level: the upsert locks the row and compares against its
 * latest committed state, so concurrent attempts of one learner on one lesson (from any app
 * server) queue on that row and each keeps the best so far; the UPDATE runs after it, on the
 * locked row, and sees every exercise pass committed before it (a racing exercise pass is seen).
 * Attempts of different learners never touch the same row and never wait for each other.
 */
export function quizProgressStatements(
  k: Key & { score: number; maxScore: number; passed: boolean; rule?: CompletionRule },
): Statement[] {
  const now = new Date();
  const alone = !k.rule || (k.rule.quiz && k.rule.exercises.length === 0);
  const completedAt = k.passed && alone ? now : null;
  const completedBy = k.passed && alone ? "quiz" : null;
  // "Better" as a ratio without division: new/newMax > old/oldMax ⇔ new·oldMax > old·newMax.
  const better = sql`("LessonProgress"."bestScore" IS NULL OR "LessonProgress"."bestMaxScore" IS NULL
    OR "LessonProgress"."bestMaxScore" = 0
    OR excluded."bestScore" * "LessonProgress"."bestMaxScore" > "LessonProgress"."bestScore" * excluded."bestMaxScore")`;
  const statements = [
    sql`
    INSERT INTO "LessonProgress" ("id", "learnerId", "courseSlug", "lessonSlug", "firstVisitedAt",
      "lastVisitedAt", "bestScore", "bestMaxScore", "completedAt", "completedBy", "createdAt", "updatedAt")
    VALUES (${newId()}, ${k.learnerId}, ${k.course}, ${k.lesson}, ${now}, ${now}, ${k.score},
      ${k.maxScore}, ${completedAt}, ${completedBy}, ${now}, ${now})
    ON CONFLICT ("learnerId", "courseSlug", "lessonSlug") DO UPDATE SET
      "lastVisitedAt" = excluded."lastVisitedAt",
      "bestScore" = CASE WHEN ${better} THEN excluded."bestScore" ELSE "LessonProgress"."bestScore" END,
      "bestMaxScore" = CASE WHEN ${better} THEN excluded."bestMaxScore" ELSE "LessonProgress"."bestMaxScore" END,
      "completedBy" = CASE WHEN "LessonProgress"."completedAt" IS NULL THEN excluded."completedBy"
                           ELSE "LessonProgress"."completedBy" END,
      "completedAt" = COALESCE("LessonProgress"."completedAt", excluded."completedAt"),
      "updatedAt" = excluded."updatedAt"`,
  ];
  // The rule asks for the quiz and exercises: this pass completes the lesson once each of them passed.
  if (k.passed && !alone && k.rule?.quiz)
    statements.push(completeWhen(k, "quiz", now, [everyExercisePassed(k, k.rule.exercises)]));
  return statements;
}

/**
 * The statements that fold a graded exercise attempt into the lesson's progress, for the exercise
 * write's transaction (lib/exercises/attempts.ts), after its attempt's insert: `visit` upserts
 * the row (which locks it); `complete`, only for a pass of an exercise the rule requires,
 * completes the lesson when every exercise the rule names has passed (this one included) and, when
 * the rule asks for both, a quiz of the lesson has passed. `complete` changes one row exactly
 * when this attempt completed the lesson.
 */
export function exerciseProgressStatements(
  k: Key & { exerciseId: string; passed: boolean; rule: CompletionRule },
): { visit: Statement; complete: Statement | null } {
  const now = new Date();
  const visit = sql`
    INSERT INTO "LessonProgress" ("id", "learnerId", "courseSlug", "lessonSlug", "firstVisitedAt",
      "lastVisitedAt", "createdAt", "updatedAt")
    VALUES (${newId()}, ${k.learnerId}, ${k.course}, ${k.lesson}, ${now}, ${now}, ${now}, ${now})
    ON CONFLICT ("learnerId", "courseSlug", "lessonSlug") DO UPDATE SET
      "lastVisitedAt" = excluded."lastVisitedAt", "updatedAt" = excluded."updatedAt"`;
  if (!k.passed || !k.rule.exercises.includes(k.exerciseId)) return { visit, complete: null };
  const quizPassed = sql`EXISTS (SELECT 1 FROM "QuizAttempt" WHERE ${ofLesson(k)} AND "passed" = ${true})`;
  const conditions = [everyExercisePassed(k, k.rule.exercises), ...(k.rule.quiz ? [quizPassed] : [])];
  return { visit, complete: completeWhen(k, "exercises", now, conditions) };
}

/**
 * Marks a lesson complete (or not) for a learner; repeating it changes nothing (a lesson already
 * complete keeps its time and how it was completed). One atomic statement, as above.
 */
export async function setLessonComplete(k: Key, complete: boolean): Promise<Date | null> {
  const now = new Date();
  const rows = await direct.query(
    sql`
    INSERT INTO "LessonProgress" ("id", "learnerId", "courseSlug", "lessonSlug", "firstVisitedAt",
      "lastVisitedAt", "completedAt", "completedBy", "createdAt", "updatedAt")
    VALUES (${newId()}, ${k.learnerId}, ${k.course}, ${k.lesson}, ${now}, ${now},
      ${complete ? now : null}, ${complete ? "manual" : null}, ${now}, ${now})
    ON CONFLICT ("learnerId", "courseSlug", "lessonSlug") DO UPDATE SET
      "completedBy" = CASE WHEN excluded."completedAt" IS NULL THEN NULL
                           WHEN "LessonProgress"."completedAt" IS NULL THEN excluded."completedBy"
                           ELSE "LessonProgress"."completedBy" END,
      "completedAt" = CASE WHEN excluded."completedAt" IS NULL THEN NULL
                           ELSE COALESCE("LessonProgress"."completedAt", excluded."completedAt") END,
      "updatedAt" = excluded."updatedAt"
    RETURNING "completedAt"`,
    { completedAt: col.dateOrNull },
  );
  return rows[0]?.completedAt ?? null;
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
