"use client";

import { useActionState, useEffect } from "react";
import { followDiscussionAction } from "@/lib/notifications/actions";

/**
 * Follow or unfollow one lesson's discussion. Works as a plain form before JavaScript loads;
 * `onChanged` lets the lesson page's thread refresh what it shows.
 */
export function FollowToggle({
  course,
  lesson,
  following,
  label,
  onChanged,
}: {
  course: string;
  lesson: string;
  following: boolean;
  /** What the discussion is called, for the button's accessible name when several are listed. */
  label?: string;
  onChanged?: () => void;
}) {
  const [state, action, pending] = useActionState(followDiscussionAction, null);
  const now = state?.ok ? state.data.following : following;
  useEffect(() => {
    if (state?.ok) onChanged?.();
  }, [state, onChanged]);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      <input type="hidden" name="follow" value={now ? "false" : "true"} />
      {label ? null : (
        <span className="text-[var(--fg-muted)]">
          {now
            ? "You follow this discussion: new comments come by email."
            : "Get new comments here by email."}
        </span>
      )}
      <button
        type="submit"
        disabled={pending}
        aria-label={label ? `${now ? "Unfollow" : "Follow"} ${label}` : undefined}
        className="rounded-md border border-[var(--border)] px-3 py-1.5 font-medium hover:bg-[var(--bg-soft)] disabled:opacity-60"
      >
        {now ? "Unfollow" : "Follow this discussion"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
