import { readJson, toResponse } from "@/lib/actions/http";
import { requestHint } from "@/lib/exercises/writes";

export const dynamic = "force-dynamic";

/** Asks for the next hint of a check ({ course, lesson, exerciseId, version, checkId, index }); recorded. */
export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  return toResponse(await requestHint(body.body));
}
