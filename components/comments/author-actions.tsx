"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { hideAllByAuthorAction, suspendPostingAction } from "@/lib/comments/actions";

/** Hide all of an author's comments, and suspend or lift their posting; the server re-checks the role. */
export function AuthorActions({ id, name, suspended }: { id: string; name: string; suspended: boolean }) {
  const [hideState, hideAction, hiding] = useActionState(hideAllByAuthorAction, null);
  const [suspendState, suspendAction, suspending] = useActionState(suspendPostingAction, null);
  const error = [hideState, suspendState].find((s) => s && !s.ok);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={hideAction}>
        <input type="hidden" name="authorId" value={id} />
        <Button
          type="submit"
          disabled={hiding}
          variant="secondary"
          size="sm"
          aria-label={`Hide all comments by ${name}`}
        >
          Hide all comments
        </Button>
      </form>
      <form action={suspendAction}>
        <input type="hidden" name="authorId" value={id} />
        <input type="hidden" name="suspended" value={suspended ? "false" : "true"} />
        <Button
          type="submit"
          disabled={suspending}
          variant="secondary"
          size="sm"
          aria-label={suspended ? `Lift the suspension of ${name}` : `Suspend posting by ${name}`}
        >
          {suspended ? "Lift the suspension" : "Suspend posting"}
        </Button>
      </form>
      {error && !error.ok ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
