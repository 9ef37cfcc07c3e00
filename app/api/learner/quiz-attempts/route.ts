import { readJson, toResponse } from "@/lib/actions/http";
import { submitQuiz } from "@/lib/quiz/writes";

export const dynamic = "force-dynamic";

/**
 * Submits a quiz as JSON ({ course, lesson, quizId, version, submissionId, answers }): the
 * same write the lesson page's server action performs, for clients that are not the page.
 */
export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  return toResponse(await submitQuiz(body.body));
}
