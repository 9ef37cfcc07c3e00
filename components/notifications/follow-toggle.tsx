"use client";

import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
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
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={label ? `${now ? "Unfollow" : "Follow"} ${label}` : undefined}
      >
        {now ? "Unfollow" : "Follow this discussion"}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
