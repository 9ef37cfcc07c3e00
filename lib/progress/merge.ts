import "server-only";
import { mergeReviewCards } from "@/lib/cards/cards";
import { isUniqueViolation } from "@/lib/db/errors";
import { serializable, type Tx } from "@/lib/db/transaction";

/**
 * Moves an anonymous learner's progress, quiz and exercise attempts and hint requests into an account's learner, so
 * nothing done before signing up or in is lost or duplicated. Where both have a record of
 * the same lesson, the merged one keeps the completion (earliest), the best score and the
 * latest visit; review cards merge by lib/cards' rule. The anonymous learner is then deleted,
 * never turned into the account's: its id lives on in the browser's cookie (and in any copy of
 * it), which must name no one after this. Returns the account's learner id.
 */
export async function mergeAnonymousLearner(userId: string, anonymousId: string | null): Promise<string> {
  try {
    return await mergeOnce(userId, anonymousId);
  } catch (error) {
    // Two sign-ins of one account at once (a double click) both created its learner: the
    // other one won, and this run finds it.
    if (!isUniqueViolation(error)) throw error;
    return mergeOnce(userId, anonymousId);
  }
}

function mergeOnce(userId: string, anonymousId: string | null): Promise<string> {
  return serializable(async (tx) => {
    const anon = anonymousId
      ? await tx.learner.findFirst({ where: { id: anonymousId, userId: null }, select: { id: true } })
      : null;
    const owned =
      (await tx.learner.findUnique({ where: { userId }, select: { id: true } })) ??
      (await tx.learner.create({ data: { userId }, select: { id: true } }));
    if (!anon) return owned.id;
    const rows = await tx.lessonProgress.findMany({ where: { learnerId: anon.id } });
    for (const r of rows) {
      const key = {
        learnerId_courseSlug_lessonSlug: {
          learnerId: owned.id,
          courseSlug: r.courseSlug,
          lessonSlug: r.lessonSlug,
        },
      };
      const mine = await tx.lessonProgress.findUnique({ where: key });
      if (!mine) {
        await tx.lessonProgress.update({ where: { id: r.id }, data: { learnerId: owned.id } });
        continue;
      }
      const ratio = (s: number | null, m: number | null) => (s !== null && m ? s / m : -1);
      const theirsBetter = ratio(r.bestScore, r.bestMaxScore) > ratio(mine.bestScore, mine.bestMaxScore);
      const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
      const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
      const completedAt = earliest(mine.completedAt, r.completedAt);
      await tx.lessonProgress.update({
        where: { id: mine.id },
        data: {
          completedAt,
          completedBy: completedAt === r.completedAt && r.completedAt ? r.completedBy : mine.completedBy,
          ...(theirsBetter ? { bestScore: r.bestScore, bestMaxScore: r.bestMaxScore } : {}),
          firstVisitedAt: earliest(mine.firstVisitedAt, r.firstVisitedAt),
          lastVisitedAt: latest(mine.lastVisitedAt, r.lastVisitedAt),
          lastSection: (r.lastVisitedAt ?? 0) > (mine.lastVisitedAt ?? 0) ? r.lastSection : mine.lastSection,
        },
      });
      await tx.lessonProgress.delete({ where: { id: r.id } });
    }
    await tx.quizAttempt.updateMany({ where: { learnerId: anon.id }, data: { learnerId: owned.id } });
    await mergeExerciseRecords(tx, anon.id, owned.id);
    await mergeReviewCards(tx, anon.id, owned.id);
    await tx.learner.delete({ where: { id: anon.id } });
    return owned.id;
  });
}

/**
 * Exercise attempts, hint requests and drafts move to the account. Two rows can only collide where
 * both learners asked for the same hint (kept once), by chance chose the same submission id (the
 * anonymous one gets a fresh id: it is a different submission), or both keep a draft of one
 * exercise (the newer one stays, with its time).
 */
async function mergeExerciseRecords(tx: Tx, fromId: string, toId: string) {
  const hints = await tx.exerciseHintRequest.findMany({ where: { learnerId: fromId } });
  for (const h of hints) {
    const { id, learnerId: _, createdAt: __, ...rest } = h;
    const mine = await tx.exerciseHintRequest.findFirst({
      where: { ...rest, learnerId: toId },
      select: { id: true },
    });
    if (mine) await tx.exerciseHintRequest.delete({ where: { id } });
    else await tx.exerciseHintRequest.update({ where: { id }, data: { learnerId: toId } });
  }
  const clashes = await tx.exerciseAttempt.findMany({
    where: {
      learnerId: fromId,
      submissionId: {
        in: (
          await tx.exerciseAttempt.findMany({ where: { learnerId: toId }, select: { submissionId: true } })
        ).map((a) => a.submissionId),
      },
    },
    select: { id: true },
  });
  for (const c of clashes)
    await tx.exerciseAttempt.update({ where: { id: c.id }, data: { submissionId: `merged-${c.id}` } });
  await tx.exerciseAttempt.updateMany({ where: { learnerId: fromId }, data: { learnerId: toId } });
  await mergeExerciseDrafts(tx, fromId, toId);
}

/**
 * The anonymous learner's drafts join the account's. Where both hold a draft of one exercise and
 * the texts differ, the newer stays the draft and the older is set aside on it (asideSource), so
 * nothing typed is lost: the editor shows both until the learner chooses (lib/exercises/drafts.ts).
 */
async function mergeExerciseDrafts(tx: Tx, fromId: string, toId: string) {
  const drafts = await tx.exerciseDraft.findMany({ where: { learnerId: fromId } });
  for (const d of drafts) {
    const mine = await tx.exerciseDraft.findUnique({
      where: {
        learnerId_courseSlug_lessonSlug_exerciseId: {
          learnerId: toId,
          courseSlug: d.courseSlug,
          lessonSlug: d.lessonSlug,
          exerciseId: d.exerciseId,
        },
      },
      select: { id: true, source: true, asideSource: true, updatedAt: true, revision: true },
    });
    // Both times are the server's own (a device's clock never reaches them).
    if (mine && mine.updatedAt >= d.updatedAt) {
      await tx.exerciseDraft.delete({ where: { id: d.id } });
      if (d.source !== mine.source)
        // An explicit updatedAt keeps the draft's own time (@updatedAt would stamp the merge's).
        await tx.exerciseDraft.update({
          where: { id: mine.id },
          data: { asideSource: setAside(mine.asideSource, d.source), updatedAt: mine.updatedAt },
        });
      continue;
    }
    if (mine) await tx.exerciseDraft.delete({ where: { id: mine.id } });
    // The revision moves past the account's: a device that saw the account's draft must see this one.
    await tx.exerciseDraft.update({
      where: { id: d.id },
      data: {
        learnerId: toId,
        updatedAt: d.updatedAt,
        revision: Math.max(d.revision, mine?.revision ?? 0) + 1,
        asideSource: !mine
          ? null
          : mine.source === d.source
            ? mine.asideSource
            : setAside(mine.asideSource, mine.source),
      },
    });
  }
}

/**
 * What is set aside when `text` is: a draft set aside at an earlier sign-in and not yet settled
 * stays too, below a comment line (a Dockerfile comment), so a third draft is not lost either.
 */
function setAside(earlier: string | null, text: string): string {
  if (!earlier || earlier === text) return text;
  return `${text.replace(/\n?$/, "\n")}# ── another draft, set aside at an earlier sign-in ──\n${earlier}`;
}
