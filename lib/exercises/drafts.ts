import "server-only";
import { db } from "@/lib/db";
import type { ExerciseKey } from "./attempts";

const key = (learnerId: string, k: ExerciseKey) => ({
  learnerId_courseSlug_lessonSlug_exerciseId: {
    learnerId,
    courseSlug: k.course,
    lessonSlug: k.lesson,
    exerciseId: k.exerciseId,
  },
});

/** Keeps a learner's draft of an exercise (one per exercise; the latest wins). */
export async function saveDraft(learnerId: string, k: ExerciseKey, source: string): Promise<Date> {
  const row = await db.exerciseDraft.upsert({
    where: key(learnerId, k),
    create: { learnerId, courseSlug: k.course, lessonSlug: k.lesson, exerciseId: k.exerciseId, source },
    update: { source },
    select: { updatedAt: true },
  });
  return row.updatedAt;
}

/** A learner's saved draft of an exercise, or null. */
export async function loadDraft(
  learnerId: string,
  k: ExerciseKey,
): Promise<{ source: string; updatedAt: Date } | null> {
  return db.exerciseDraft.findUnique({ where: key(learnerId, k), select: { source: true, updatedAt: true } });
}
