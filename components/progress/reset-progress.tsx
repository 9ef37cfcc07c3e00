"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { resetProgressAction } from "@/lib/progress/actions";

/** Reset a course's progress, after the learner types "reset" to confirm. */
export function ResetProgress({ course, title }: { course: string; title: string }) {
  const [state, formAction, pending] = useActionState(resetProgressAction, null);
  return (
    <details className="mt-4 rounded-lg border border-[var(--border)] p-3 text-sm">
      <summary className="cursor-pointer font-medium">Reset my progress in this course…</summary>
      <form action={formAction} className="mt-3 grid gap-2">
        <input type="hidden" name="course" value={course} />
        <p>
          This deletes every completion, best score, quiz attempt and review card of <strong>{title}</strong>{" "}
          kept for this browser. It cannot be undone.
        </p>
        <label className="grid gap-1">
          <span>
            Type <kbd className="font-mono">reset</kbd> to confirm
          </span>
          <input
            name="confirm"
            autoComplete="off"
            className="w-40 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1"
            required
          />
        </label>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending} variant="danger" size="sm">
            {pending ? "Resetting…" : "Reset progress"}
          </Button>
          <span role="status">{state ? (state.ok ? "Progress reset." : state.message) : ""}</span>
        </div>
      </form>
    </details>
  );
}
