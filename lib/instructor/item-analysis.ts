import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { db } from "@/lib/db";
import { lessonQuizzes } from "@/lib/quiz/lookup";
import type { QuizReport } from "./csv";
import { type ReviewFigures, reviewFigures } from "./review-figures";
import { type AttemptRecord, analyseQuiz } from "./stats";

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A course's stored attempts, grouped by lesson and quiz ("lesson/quiz"). */
async function attemptsByQuiz(course: string): Promise<Map<string, AttemptRecord[]>> {
  const rows = await db.quizAttempt.findMany({
    where: { courseSlug: course },
    select: {
      id: true,
      learnerId: true,
      lessonSlug: true,
      quizId: true,
      quizVersion: true,
      createdAt: true,
      score: true,
      maxScore: true,
      passed: true,
      answers: true,
      results: true,
    },
    orderBy: { createdAt: "asc" },
  });
  const grouped = new Map<string, AttemptRecord[]>();
  for (const r of rows) {
    const key = `${r.lessonSlug}/${r.quizId}`;
    const answers = parseJson<Record<string, unknown>>(r.answers, {});
    const results = parseJson<{ id: string; correct: boolean }[]>(r.results, []);
    const list = grouped.get(key) ?? [];
    list.push({
      id: r.id,
      learnerId: r.learnerId,
      quizVersion: r.quizVersion,
      createdAt: r.createdAt,
      score: r.score,
      maxScore: r.maxScore,
      passed: r.passed,
      answers: answers && typeof answers === "object" ? answers : {},
      results: Array.isArray(results) ? results : [],
    });
    grouped.set(key, list);
  }
  return grouped;
}

/**
 * A course's quiz questions in review, keyed "lesson/quiz/question": how many learners have a card
 * for each, and each answer on /review with its interval.
 */
async function reviewsByQuestion(course: string): Promise<Map<string, ReviewFigures>> {
  const [cards, logs] = await Promise.all([
    db.reviewCard.groupBy({
      by: ["lessonSlug", "sourceId", "itemId"],
      where: { kind: "quiz", courseSlug: course },
      _count: { _all: true },
    }),
    db.reviewLog.findMany({
      where: { card: { kind: "quiz", courseSlug: course } },
      select: {
        elapsedDays: true,
        correct: true,
        card: { select: { lessonSlug: true, sourceId: true, itemId: true } },
      },
    }),
  ]);
  const answers = new Map<string, { elapsedDays: number; correct: boolean }[]>();
  for (const l of logs) {
    const key = `${l.card.lessonSlug}/${l.card.sourceId}/${l.card.itemId}`;
    answers.set(key, [...(answers.get(key) ?? []), l]);
  }
  const out = new Map<string, ReviewFigures>();
  for (const c of cards) {
    const key = `${c.lessonSlug}/${c.sourceId}/${c.itemId}`;
    out.set(key, reviewFigures(c._count._all, answers.get(key) ?? []));
  }
  return out;
}

export type CourseQuizReports = {
  course: string;
  title: string;
  reports: (QuizReport & {
    lessonTitle: string;
    /** Per question id: its review figures (learners with a card, right by interval). */
    review: Record<string, ReviewFigures>;
  })[];
};

/**
 * Item analysis of every quiz in every course, in part order, against the quizzes the running
 * build grades with (lib/quiz/lookup). Staff-only data: callers check the role first.
 */
export async function itemAnalysis(): Promise<CourseQuizReports[]> {
  const out: CourseQuizReports[] = [];
  for (const course of getCatalog()) {
    const [attempts, reviews] = await Promise.all([
      attemptsByQuiz(course.slug),
      reviewsByQuestion(course.slug),
    ]);
    const reports: CourseQuizReports["reports"] = [];
    for (const lesson of course.lessons) {
      for (const quiz of (await lessonQuizzes(course.slug, lesson.slug)) ?? []) {
        reports.push({
          course: course.slug,
          lesson: lesson.slug,
          part: lesson.part,
          lessonTitle: lesson.title,
          analysis: analyseQuiz(quiz, attempts.get(`${lesson.slug}/${quiz.id}`) ?? []),
          review: Object.fromEntries(
            quiz.questions.map((q) => [
              q.id,
              reviews.get(`${lesson.slug}/${quiz.id}/${q.id}`) ?? reviewFigures(0, []),
            ]),
          ),
        });
      }
    }
    out.push({ course: course.slug, title: course.title, reports });
  }
  return out;
}
