import { readJson, toResponse } from "@/lib/actions/http";
import { MAX_SUBMISSION_BODY } from "@/lib/exercises/submission";
import { submitExercise } from "@/lib/exercises/writes";

export const dynamic = "force-dynamic";

/**
 * Submits a Dockerfile as JSON ({ course, lesson, exerciseId, version, submissionId, source }),
 * the lesson island's way (no server action: the lesson is not rendered again). The body may be
 * larger than the grader reads, so the grader, not a 413, tells the learner why it was refused.
 */
export async function POST(request: Request) {
  const body = await readJson(request, MAX_SUBMISSION_BODY + 4096);
  if (!body.ok) return body.response;
  return toResponse(await submitExercise(body.body));
}
