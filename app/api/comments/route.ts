import { z } from "zod";
import { readJson, toResponse } from "@/lib/actions/http";
import { issueMessage } from "@/lib/actions/issues";
import { getSessionUser } from "@/lib/auth/session";
import { toActor } from "@/lib/comments/permissions";
import { getThread } from "@/lib/comments/queries";
import { postWrite } from "@/lib/comments/writes";
import { getLessonEntry } from "@/lib/content/catalog";
import { SlugSchema } from "@/lib/content/slug";
import { isFollowing } from "@/lib/notifications/follows";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  order: z.enum(["newest", "oldest"]).default("oldest"),
});

/** A lesson's thread as the signed-in user (or a visitor) may see it, for the lesson page. */
export async function GET(request: Request) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: issueMessage(parsed.error.issues[0]!) }, { status: 400 });
  const { course, lesson, order } = parsed.data;
  if (!getLessonEntry(course, lesson)) return Response.json({ error: "No such lesson" }, { status: 404 });
  const user = await getSessionUser();
  const [thread, following] = await Promise.all([
    getThread(course, lesson, toActor(user), order),
    user ? isFollowing({ userId: user.id, course, lesson }) : false,
  ]);
  return Response.json(
    { ...thread, viewer: user ? { name: user.name, verified: user.emailVerified, following } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

/** Posts a comment or reply as JSON ({ course, lesson, parentId?, body, submissionId }), signed in. */
export async function POST(request: Request) {
  const body = await readJson(request, 40_000);
  if (!body.ok) return body.response;
  return toResponse(await postWrite(body.body));
}
