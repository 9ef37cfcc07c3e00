import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

/** How long the same Dockerfile sent again by a form without an id is the same submission. */
export const FORM_RESUBMIT_WINDOW_MS = 30_000;

type VersionKey = { learnerId: string; course: string; lesson: string; exerciseId: string; version: string };

/**
 * The submission id of a form that cannot choose one: the lesson's form without JavaScript is
 * prerendered (the same bytes for every visitor), so the server derives it. The same Dockerfile
 * as the learner's latest attempt at this version, sent again within 30 s (a second click, a
 * resent form), is that attempt. Otherwise the id is a hash of the Dockerfile and of the latest
 * attempt it follows: two copies of one post racing each other get the same id, and the unique
 * (learner, submission id) keeps one; a Dockerfile sent again after another, or later, is new.
 */
export async function formSubmissionId(k: VersionKey, source: string): Promise<string> {
  const latest = await db.exerciseAttempt.findFirst({
    where: {
      learnerId: k.learnerId,
      courseSlug: k.course,
      lessonSlug: k.lesson,
      exerciseId: k.exerciseId,
      exerciseVersion: k.version,
    },
    orderBy: { createdAt: "desc" },
    select: { submissionId: true, source: true, createdAt: true },
  });
  return derivedSubmissionId(latest && { ...latest, same: latest.source === source }, [
    k.course,
    k.lesson,
    k.exerciseId,
    k.version,
    latest?.submissionId ?? null,
    source,
  ]);
}

/**
 * The rule both form writes share (decision 034): the learner's latest attempt, when it was the
 * same submission sent again within FORM_RESUBMIT_WINDOW_MS, is that attempt; otherwise the id is
 * a hash of `parts` (which name the latest attempt it follows), so racing copies get one id.
 */
export function derivedSubmissionId(
  latest: { submissionId: string; createdAt: Date; same: boolean } | null,
  parts: unknown[],
): string {
  if (latest?.same && Date.now() - latest.createdAt.getTime() < FORM_RESUBMIT_WINDOW_MS)
    return latest.submissionId;
  return `form-${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32)}`;
}
