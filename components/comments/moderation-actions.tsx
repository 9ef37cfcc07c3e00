"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { dismissFromQueueAction, hideFromQueueAction } from "@/lib/comments/actions";

/** Hide/unhide and dismiss for one queued comment; the server re-checks the moderator's role. */
export function ModerationActions({ id, hidden, reports }: { id: string; hidden: boolean; reports: number }) {
  const [hideState, hideAction, hiding] = useActionState(hideFromQueueAction, null);
  const [dismissState, dismissAction, dismissing] = useActionState(dismissFromQueueAction, null);
  const error = [hideState, dismissState].find((s) => s && !s.ok);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <form action={hideAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
        <Button type="submit" disabled={hiding} variant="secondary" size="sm">
          {hidden ? "Unhide" : "Hide"}
        </Button>
      </form>
      {reports > 0 ? (
        <form action={dismissAction}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" disabled={dismissing} variant="secondary" size="sm">
            Dismiss reports
          </Button>
        </form>
      ) : null}
      {error && !error.ok ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
