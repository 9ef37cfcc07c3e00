import { readJson, toResponse } from "@/lib/actions/http";
import { recordLessonVisit } from "@/lib/progress/writes";

export const dynamic = "force-dynamic";

/** Records "visited" and the section last read (sent with navigator.sendBeacon). */
export async function POST(request: Request) {
  const body = await readJson(request, 4000);
  if (!body.ok) return body.response;
  const result = await recordLessonVisit(body.body);
  return result.ok ? new Response(null, { status: 204 }) : toResponse(result);
}
