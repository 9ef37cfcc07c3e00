import { readJson, toResponse } from "@/lib/actions/http";
import { markComplete } from "@/lib/progress/lesson-writes";

export const dynamic = "force-dynamic";

/** Marks a lesson complete (or not) as JSON ({ course, lesson, complete: boolean }). */
export async function POST(request: Request) {
  const body = await readJson(request, 2000);
  if (!body.ok) return body.response;
  const raw = body.body as Record<string, unknown> | null;
  const input =
    raw && typeof raw === "object" && typeof raw.complete === "boolean"
      ? { ...raw, complete: String(raw.complete) }
      : raw;
  return toResponse(await markComplete(input));
}
