import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { db } from "@/lib/db";
import { analyseExercise, type ExerciseAnalysis, type ExerciseAttemptRecord } from "@/lib/exercises/analysis";
import { lessonExercises } from "@/lib/exercises/lookup";
import { exerciseVersion } from "@/lib/exercises/public";
import type { CheckOutcome } from "@/lib/exercises/types";

export type ExerciseReport = {
  course: string;
  lesson: string;
  part: number;
  lessonTitle: string;
  analysis: ExerciseAnalysis;
};

export type CourseExerciseReports = { course: string; title: string; reports: ExerciseReport[] };

function checksOf(results: string): Pick<CheckOutcome, "id" | "passed">[] {
  try {
    const parsed = JSON.parse(results) as unknown;
    return Array.isArray(parsed)
      ? (parsed as CheckOutcome[]).map((c) => ({ id: c.id, passed: c.passed }))
      : [];
  } catch {
    return [];
  }
}

/** A course's exercise attempts grouped by "lesson/exercise", and hint requests per current version. */
async function courseRecords(course: string) {
  const [rows, hints] = await Promise.all([
    db.exerciseAttempt.findMany({
      where: { courseSlug: course },
      select: {
        learnerId: true,
        lessonSlug: true,
        exerciseId: true,
        exerciseVersion: true,
        createdAt: true,
        passed: true,
        hintsUsed: true,
        source: true,
        results: true,
      },
      orderBy: { createdAt: "asc" },
    }),
    db.exerciseHintRequest.groupBy({
      by: ["lessonSlug", "exerciseId", "exerciseVersion"],
      where: { courseSlug: course },
      _count: { _all: true },
    }),
  ]);
  const attempts = new Map<string, ExerciseAttemptRecord[]>();
  for (const r of rows) {
    const key = `${r.lessonSlug}/${r.exerciseId}`;
    attempts.set(key, [
      ...(attempts.get(key) ?? []),
      {
        learnerId: r.learnerId,
        version: r.exerciseVersion,
        createdAt: r.createdAt,
        passed: r.passed,
        hintsUsed: r.hintsUsed,
        source: r.source,
        checks: checksOf(r.results),
      },
    ]);
  }
  const hintCounts = new Map(
    hints.map((h) => [`${h.lessonSlug}/${h.exerciseId}/${h.exerciseVersion}`, h._count._all]),
  );
  return { attempts, hintCounts };
}

/**
 * Item analysis of every exercise in every course, in part order, against the exercises the
 * running build grades with (lib/exercises/lookup). Staff-only data: callers check the role first.
 */
export async function exerciseItemAnalysis(): Promise<CourseExerciseReports[]> {
  const out: CourseExerciseReports[] = [];
  for (const course of getCatalog()) {
    const { attempts, hintCounts } = await courseRecords(course.slug);
    const reports: ExerciseReport[] = [];
    for (const lesson of course.lessons) {
      for (const exercise of (await lessonExercises(course.slug, lesson.slug)) ?? []) {
        const version = exerciseVersion(exercise);
        reports.push({
          course: course.slug,
          lesson: lesson.slug,
          part: lesson.part,
          lessonTitle: lesson.title,
          analysis: analyseExercise(
            { id: exercise.id, title: exercise.title, version, checks: exercise.checks },
            attempts.get(`${lesson.slug}/${exercise.id}`) ?? [],
            hintCounts.get(`${lesson.slug}/${exercise.id}/${version}`) ?? 0,
          ),
        });
      }
    }
    out.push({ course: course.slug, title: course.title, reports });
  }
  return out;
}
