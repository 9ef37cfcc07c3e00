import { z } from "zod";
import { readJson, toResponse } from "@/lib/actions/http";
import { defineWrite, perLearner } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { getLessonEntry } from "@/lib/content/catalog";
import { recordVisit } from "@/lib/progress/progress";

export const dynamic = "force-dynamic";

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a slug");
const VisitSchema = z.object({
  course: slug,
  lesson: slug,
  section: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, "must be a heading id")
    .nullable()
    .optional(),
});

const visit = defineWrite({
  schema: VisitSchema,
  rateLimits: [perLearner("visit")],
  authorize(_ctx, input) {
    if (!getLessonEntry(input.course, input.lesson)) throw new ActionError("No such lesson", undefined, 404);
  },
  async write(ctx, input) {
    // Visits are recorded only for learners the server already knows: no row per crawler.
    if (!ctx.learnerId) return { recorded: false };
    await recordVisit({ learnerId: ctx.learnerId, ...input });
    return { recorded: true };
  },
});

/** Records "visited" and the section last read (sent with navigator.sendBeacon). */
export async function POST(request: Request) {
  const body = await readJson(request, 4000);
  if (!body.ok) return body.response;
  const result = await visit(body.body);
  return result.ok ? new Response(null, { status: 204 }) : toResponse(result);
}
