import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkbox, checkboxes } from "@/lib/actions/decode";
import { defineWrite, perAddress, perUser, requireUser } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import { isStaff } from "@/lib/auth/roles";
import { getCourse, getLessonEntry } from "@/lib/content/catalog";
import { SlugSchema } from "@/lib/content/slug";
import { getSecret } from "@/lib/secret";
import { setFollowing } from "./follows";
import { saveNotificationChoices, unsubscribe } from "./settings";
import { readUnsubscribeToken } from "./unsubscribe-token";

// Notification settings, the per-discussion follow toggle and unsubscribe links. Shared by the
// server actions (lib/notifications/actions.ts) and the one-click route (/api/unsubscribe).

export const NotificationSettingsSchema = z.object({
  replies: checkbox(),
  followed: checkbox(),
  courseDigests: checkboxes(z.array(SlugSchema).max(50, "Choose at most 50 courses")),
});

/** Saves the account page's notification choices; course digests are for instructors and admins. */
export const saveNotificationSettings = defineWrite({
  name: "notifications.saveSettings",
  schema: NotificationSettingsSchema,
  rateLimits: [perUser("notificationChange")],
  authorize(ctx, input) {
    const { user } = requireUser(ctx);
    if (input.courseDigests.length > 0 && !isStaff(user.role))
      throw new ActionError("Course digests are for instructors.", undefined, 403);
    for (const slug of input.courseDigests)
      if (!getCourse(slug)) throw new ActionError(`There is no course "${slug}".`);
    return { user };
  },
  async write(ctx, input) {
    await saveNotificationChoices(ctx.user.id, {
      replies: input.replies,
      followed: input.followed,
      ...(isStaff(ctx.user.role) ? { courseDigests: input.courseDigests } : {}),
    });
    revalidatePath("/account");
    return { saved: true };
  },
});

/** Follows or stops following one lesson's discussion. */
export const followDiscussion = defineWrite({
  name: "notifications.follow",
  schema: z.object({ course: SlugSchema, lesson: SlugSchema, follow: z.boolean() }),
  rateLimits: [perUser("notificationChange")],
  authorize(ctx, input) {
    const found = requireUser(ctx);
    if (!getLessonEntry(input.course, input.lesson))
      throw new ActionError("This lesson does not exist.", undefined, 404);
    return found;
  },
  async write(ctx, input) {
    await setFollowing({ userId: ctx.user.id, course: input.course, lesson: input.lesson }, input.follow);
    revalidatePath(`/courses/${input.course}/${input.lesson}/discussion`);
    revalidatePath("/account");
    return { following: input.follow };
  },
});

/** Ends the list an unsubscribe link names (no sign-in: the signed link is the proof). */
export const unsubscribeWithToken = defineWrite({
  name: "notifications.unsubscribe",
  schema: z.object({ token: z.string().min(1, "The link is incomplete").max(200, "The link is not valid") }),
  rateLimits: [perAddress("unsubscribe")],
  async authorize(_ctx, input) {
    const found = readUnsubscribeToken(input.token, await getSecret());
    if (!found) throw new ActionError("This unsubscribe link is not valid.", undefined, 404);
    return { found };
  },
  async write(ctx) {
    await unsubscribe(ctx.found.userId, ctx.found.list);
    return { list: ctx.found.list };
  },
});
