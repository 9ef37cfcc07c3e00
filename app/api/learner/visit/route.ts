import { z } from "zod";
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
    if (!getLessonEntry(input.course, input.lesson)) throw new ActionError("No such lesson");
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
  let body: unknown;
  try {
    body = JSON.parse((await request.text()).slice(0, 4000));
  } catch {
    return Response.json({ error: "The body must be JSON" }, { status: 400 });
  }
  const result = await visit(body);
  if (result.ok) return new Response(null, { status: 204 });
  const status = result.retryAfterSeconds
    ? 429
    : result.fieldErrors
      ? 400
      : result.message === "No such lesson"
        ? 404
        : 500;
  return Response.json(
    { error: result.message },
    { status, headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {} },
  );
}
