import { readJson, toResponse } from "@/lib/actions/http";
import { exerciseState } from "@/lib/exercises/state";
import { saveExerciseDraft } from "@/lib/exercises/writes";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** Keeps this learner's draft ({ course, lesson, exerciseId, source, base }), anonymous or signed in. */
export async function PUT(request: Request) {
  const body = await readJson(request, 80_000);
  if (!body.ok) return body.response;
  return toResponse(await saveExerciseDraft(body.body));
}

/** This learner's draft and latest result for ?course=&lesson=&exercise= (nulls for a stranger). */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const state = await exerciseState(
    query.get("course") ?? "",
    query.get("lesson") ?? "",
    query.get("exercise") ?? "",
  );
  if (!state) return Response.json({ error: "No such exercise" }, { status: 404, headers: PRIVATE });
  return Response.json(state, { headers: PRIVATE });
}
