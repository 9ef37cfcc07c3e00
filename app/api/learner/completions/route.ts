import { readJson, toResponse } from "@/lib/actions/http";
import { markComplete } from "@/lib/progress/writes";

export const dynamic = "force-dynamic";

/** Marks a lesson complete (or not) as JSON ({ course, lesson, complete: boolean }). */
export async function POST(request: Request) {
  const body = await readJson(request, 2000);
  if (!body.ok) return body.response;
  return toResponse(await markComplete(body.body));
}
