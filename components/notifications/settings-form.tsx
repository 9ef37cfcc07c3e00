"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";

type Course = { slug: string; title: string };

/** Which mails to get: replies, followed discussions, and (instructors) daily course digests. */
export function NotificationSettingsForm({
  replies,
  followed,
  courseDigests,
  courses,
  digestMinutes,
  canMail,
}: {
  replies: boolean;
  followed: boolean;
  courseDigests: string[];
  /** The courses an instructor may get a digest of; empty for learners. */
  courses: Course[];
  digestMinutes: number;
  /** False while the address is unconfirmed: nothing is sent until it is. */
  canMail: boolean;
}) {
  const [state, action, pending] = useActionState(saveNotificationSettingsAction, null);
  const box = "mt-1 size-4 shrink-0 accent-[var(--color-brand-600)]";
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Email me about</legend>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="replies" defaultChecked={replies} className={box} />
          <span>Replies to my comments</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="followed" defaultChecked={followed} className={box} />
          <span>New comments in discussions I follow</span>
        </label>
      </fieldset>
      <p className="text-sm text-[var(--fg-muted)]">
        These come together as one digest, at most one email every{" "}
        {digestMinutes === 1 ? "minute" : `${digestMinutes} minutes`}.
        {canMail ? "" : " Nothing is sent until your address is confirmed."}
      </p>
      {courses.length > 0 ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">
            Daily digest of new and reported comments (instructors)
          </legend>
          {courses.map((c) => (
            <label key={c.slug} className="flex items-start gap-2">
              <input
                type="checkbox"
                name="courseDigests"
                value={c.slug}
                defaultChecked={courseDigests.includes(c.slug)}
                className={box}
              />
              <span>{c.title}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save notification settings
      </Button>
      <p role="status" className="text-sm">
        {state?.ok ? "Saved." : ""}
      </p>
    </form>
  );
}
