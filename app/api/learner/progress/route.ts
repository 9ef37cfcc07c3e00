import { z } from "zod";
import { issueMessage } from "@/lib/actions/issues";
import { currentLearnerId } from "@/lib/auth/identity";
import { SlugSchema } from "@/lib/content/slug";
import { getCourseProgress } from "@/lib/progress/course-progress";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({ course: SlugSchema });
const PRIVATE = { "Cache-Control": "private, no-store" };

/** This browser's progress in one course, for the lesson page's islands. No cookie, no query. */
export async function GET(request: Request) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: issueMessage(parsed.error.issues[0]!) }, { status: 400, headers: PRIVATE });
  const learnerId = await currentLearnerId();
  if (!learnerId)
    return Response.json(
      { known: false, lessons: {}, last: null, quizzes: {}, exercises: {} },
      { headers: PRIVATE },
    );
  const progress = await getCourseProgress(learnerId, parsed.data.course);
  return Response.json({ known: true, ...progress }, { headers: PRIVATE });
}
