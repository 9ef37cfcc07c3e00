import "server-only";
import { db } from "@/lib/db";
import { derivedSubmissionId } from "@/lib/exercises/form-submission";
import type { Answers } from "./grade";

type VersionKey = { learnerId: string; course: string; lesson: string; quizId: string; version: string };

/**
 * The submission id of a quiz form that cannot choose one (the lesson without JavaScript is
 * prerendered, the same bytes for every reader), as lib/exercises/form-submission.ts derives an
 * exercise's (decision 034). The same answers as the learner's latest attempt at this version,
 * sent again within 30 s, are that attempt; otherwise the id is a hash of the learner, the quiz,
 * the latest attempt it follows and the answers, so two copies of one post racing each other
 * get one id. A quiz's submission ids are unique across learners, so the learner is in the hash.
 */
export async function quizFormSubmissionId(k: VersionKey, answers: Answers): Promise<string> {
  const latest = await db.quizAttempt.findFirst({
    where: {
      learnerId: k.learnerId,
      courseSlug: k.course,
      lessonSlug: k.lesson,
      quizId: k.quizId,
      quizVersion: k.version,
    },
    orderBy: { createdAt: "desc" },
    select: { submissionId: true, answers: true, createdAt: true },
  });
  const sent = JSON.stringify(answers);
  return derivedSubmissionId(latest && { ...latest, same: latest.answers === sent }, [
    k.learnerId,
    k.course,
    k.lesson,
    k.quizId,
    k.version,
    latest?.submissionId ?? null,
    sent,
  ]);
}
