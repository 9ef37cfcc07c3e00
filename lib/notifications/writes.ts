import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineWrite, perAddress, perUser, type WriteContext } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { isStaff } from "@/lib/auth/roles";
import { getCourse, getLessonEntry } from "@/lib/content/catalog";
import { getSecret } from "@/lib/secret";
import { setFollowing } from "./follows";
import { saveNotificationChoices, unsubscribe } from "./settings";
import { readUnsubscribeToken } from "./unsubscribe-token";

// Notification settings, the per-discussion follow toggle and unsubscribe links. Shared by the
// server actions (lib/notifications/actions.ts) and the one-click route (/api/unsubscribe).

function signedIn(ctx: WriteContext) {
  if (!ctx.user) throw new ActionError("Sign in first.", undefined, 401);
  return ctx.user;
}

const Slug = z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a slug");

export const NotificationSettingsSchema = z.object({
  replies: z.boolean(),
  followed: z.boolean(),
  courseDigests: z.array(Slug).max(50).default([]),
});

/** Saves the account page's notification choices; course digests are for instructors and admins. */
export const saveNotificationSettings = defineWrite({
  schema: NotificationSettingsSchema,
  authorize(ctx, input) {
    const user = signedIn(ctx);
    if (input.courseDigests.length > 0 && !isStaff(user.role))
      throw new ActionError("Course digests are for instructors.", undefined, 403);
    for (const slug of input.courseDigests)
      if (!getCourse(slug)) throw new ActionError(`There is no course "${slug}".`);
  },
  rateLimits: [perUser("notificationChange")],
  async write(ctx, input) {
    const user = signedIn(ctx);
    await saveNotificationChoices(user.id, {
      replies: input.replies,
      followed: input.followed,
      ...(isStaff(user.role) ? { courseDigests: input.courseDigests } : {}),
    });
    revalidatePath("/account");
    return { saved: true };
  },
});

export const FOLLOW_FIELDS = ["course", "lesson", "follow"] as const;

/** Follows or stops following one lesson's discussion. */
export const followDiscussion = defineWrite({
  schema: z.object({
    course: Slug,
    lesson: Slug,
    follow: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  authorize(ctx, input) {
    signedIn(ctx);
    if (!getLessonEntry(input.course, input.lesson))
      throw new ActionError("This lesson does not exist.", undefined, 404);
  },
  rateLimits: [perUser("notificationChange")],
  async write(ctx, input) {
    const user = signedIn(ctx);
    await setFollowing({ userId: user.id, course: input.course, lesson: input.lesson }, input.follow);
    revalidatePath(`/courses/${input.course}/${input.lesson}/discussion`);
    revalidatePath("/account");
    return { following: input.follow };
  },
});

/** Ends the list an unsubscribe link names (no sign-in: the signed link is the proof). */
export const unsubscribeWithToken = defineWrite({
  schema: z.object({ token: z.string().min(1, "The link is incomplete").max(200, "The link is not valid") }),
  rateLimits: [perAddress("unsubscribe")],
  async write(_ctx, input) {
    const found = readUnsubscribeToken(input.token, await getSecret());
    if (!found) throw new ActionError("This unsubscribe link is not valid.", undefined, 404);
    await unsubscribe(found.userId, found.list);
    return { list: found.list };
  },
});
