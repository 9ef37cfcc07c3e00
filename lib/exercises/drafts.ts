import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { ExerciseKey } from "./attempts";
import type { ServerDraft } from "./draft-sync";

const key = (learnerId: string, k: ExerciseKey) => ({
  learnerId_courseSlug_lessonSlug_exerciseId: {
    learnerId,
    courseSlug: k.course,
    lessonSlug: k.lesson,
    exerciseId: k.exerciseId,
  },
});

/**
 * A learner's saved draft: its text, its revision (1 for the first save, one more for each), when
 * it was saved, and the other draft set aside when two met at sign-in (null when there is none).
 */
export type StoredDraft = { source: string; revision: number; updatedAt: Date; aside: string | null };

/** A save kept as a new revision, or refused with the draft the server holds instead. */
export type DraftSaveResult =
  | { saved: true; revision: number; updatedAt: Date }
  | { saved: false; current: StoredDraft };

const STORED = { source: true, revision: true, updatedAt: true, asideSource: true } as const;

/**
 * Keeps a learner's draft of an exercise (one per exercise) if it builds on the revision the server
 * holds (`base`; 0 when the learner has seen no saved draft): compare-and-set in one statement, so
 * of two tabs or devices saving on the same revision only one gets through, whatever their clocks
 * say. The other is refused with the current draft to show beside its own; saving the very text
 * the server holds is no conflict, unless a draft set aside at sign-in is still to be shown.
 * `settles`: the learner chose between the draft and the one set aside (the editor showed both),
 * so the set-aside draft goes; no other save removes it.
 */
export async function saveDraft(
  learnerId: string,
  k: ExerciseKey,
  source: string,
  base: number,
  settles = false,
): Promise<DraftSaveResult> {
  const where = key(learnerId, k);
  if (base > 0) {
    const { count } = await db.exerciseDraft.updateMany({
      where: { ...where.learnerId_courseSlug_lessonSlug_exerciseId, revision: base },
      data: { source, revision: base + 1, ...(settles ? { asideSource: null } : {}) },
    });
    if (count === 1) return savedAs(learnerId, k, base + 1);
  }
  const current = await loadDraft(learnerId, k);
  if (current) {
    if (current.source !== source || (current.aside !== null && !settles)) return { saved: false, current };
    if (current.aside !== null) {
      const { count } = await db.exerciseDraft.updateMany({
        where: { ...where.learnerId_courseSlug_lessonSlug_exerciseId, revision: current.revision },
        data: { asideSource: null },
      });
      if (count === 0) return saveDraft(learnerId, k, source, base, settles);
    }
    return { saved: true, revision: current.revision, updatedAt: current.updatedAt };
  }
  // No draft yet (or it went: the learner started the course over): this is the first.
  try {
    const row = await db.exerciseDraft.create({
      data: {
        learnerId,
        courseSlug: k.course,
        lessonSlug: k.lesson,
        exerciseId: k.exerciseId,
        source,
        revision: 1,
      },
      select: { revision: true, updatedAt: true },
    });
    return { saved: true, ...row };
  } catch (error) {
    // Another tab's first save got there first: this one builds on nothing the server holds.
    if (!isUniqueViolation(error)) throw error;
    const winner = await loadDraft(learnerId, k);
    if (!winner) throw error;
    return winner.source === source
      ? { saved: true, revision: winner.revision, updatedAt: winner.updatedAt }
      : { saved: false, current: winner };
  }
}

/** The revision this save made and its time (a later save may already have replaced it). */
async function savedAs(learnerId: string, k: ExerciseKey, revision: number): Promise<DraftSaveResult> {
  const row = await db.exerciseDraft.findUnique({ where: key(learnerId, k), select: { updatedAt: true } });
  return { saved: true, revision, updatedAt: row?.updatedAt ?? new Date() };
}

/** A stored draft as the browser receives it (lib/exercises/draft-sync.ts). */
export const serverDraftView = (d: StoredDraft): ServerDraft => ({
  source: d.source,
  revision: d.revision,
  savedAt: d.updatedAt.toISOString(),
  ...(d.aside !== null ? { aside: d.aside } : {}),
});

/** A learner's saved draft of an exercise, or null. */
export async function loadDraft(learnerId: string, k: ExerciseKey): Promise<StoredDraft | null> {
  const row = await db.exerciseDraft.findUnique({ where: key(learnerId, k), select: STORED });
  return (
    row && { source: row.source, revision: row.revision, updatedAt: row.updatedAt, aside: row.asideSource }
  );
}
