"use client";

import { useActionState } from "react";
import { dismissReportsAction, hideCommentAction } from "@/lib/comments/actions";

/** Hide/unhide and dismiss for one queued comment; the server re-checks the moderator's role. */
export function ModerationActions({ id, hidden, reports }: { id: string; hidden: boolean; reports: number }) {
  const [hideState, hideAction, hiding] = useActionState(hideCommentAction, null);
  const [dismissState, dismissAction, dismissing] = useActionState(dismissReportsAction, null);
  const error = [hideState, dismissState].find((s) => s && !s.ok);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <form action={hideAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
        <button
          type="submit"
          disabled={hiding}
          className="rounded-md border border-[var(--border)] px-3 py-1"
        >
          {hidden ? "Unhide" : "Hide"}
        </button>
      </form>
      {reports > 0 ? (
        <form action={dismissAction}>
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={dismissing}
            className="rounded-md border border-[var(--border)] px-3 py-1"
          >
            Dismiss reports
          </button>
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
