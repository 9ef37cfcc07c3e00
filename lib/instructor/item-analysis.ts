import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { db } from "@/lib/db";
import { lessonQuizzes } from "@/lib/quiz/lookup";
import type { QuizReport } from "./csv";
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

export type CourseQuizReports = {
  course: string;
  title: string;
  reports: (QuizReport & { lessonTitle: string })[];
};

/**
 * Item analysis of every quiz in every course, in part order, against the quizzes the running
 * build grades with (lib/quiz/lookup). Staff-only data: callers check the role first.
 */
export async function itemAnalysis(): Promise<CourseQuizReports[]> {
  const out: CourseQuizReports[] = [];
  for (const course of getCatalog()) {
    const attempts = await attemptsByQuiz(course.slug);
    const reports: CourseQuizReports["reports"] = [];
    for (const lesson of course.lessons) {
      for (const quiz of (await lessonQuizzes(course.slug, lesson.slug)) ?? []) {
        reports.push({
          course: course.slug,
          lesson: lesson.slug,
          part: lesson.part,
          lessonTitle: lesson.title,
          analysis: analyseQuiz(quiz, attempts.get(`${lesson.slug}/${quiz.id}`) ?? []),
        });
      }
    }
    out.push({ course: course.slug, title: course.title, reports });
  }
  return out;
}
