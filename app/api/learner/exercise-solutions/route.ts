import { readJson, toResponse } from "@/lib/actions/http";
import { revealSolution } from "@/lib/exercises/writes";

export const dynamic = "force-dynamic";

/** The reference solution ({ course, lesson, exerciseId, version }), once the reveal rule allows it. */
export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  return toResponse(await revealSolution(body.body));
}
