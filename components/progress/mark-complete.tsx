"use client";

import { useActionState, useEffect, useState, useTransition } from "react";
import { postWrite } from "@/components/islands/post-write";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { markCompleteAction } from "@/lib/progress/actions";
import { refreshCourseProgress, useCourseProgress } from "./learner-store";

/** "Mark as complete" (and undo) for this lesson; the server decides and stores it. */
export function MarkComplete({ course, lesson }: { course: string; lesson: string }) {
  const { status, data } = useCourseProgress(course);
  // The action serves readers without JavaScript; with it the JSON route answers with the result
  // only (an action that sets the learner cookie answers with the whole page re-rendered).
  const [actionState, formAction] = useActionState(markCompleteAction, null);
  const [sent, setSent] = useState<ActionResult<{ completed: boolean }> | null>(null);
  const [pending, startTransition] = useTransition();
  const state = sent ?? actionState;
  const completed = data?.lessons[lesson]?.completed ?? false;

  useEffect(() => {
    if (state?.ok) void refreshCourseProgress(course);
  }, [state, course]);

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await postWrite<{ completed: boolean }>("/api/learner/completions", {
            course,
            lesson,
            complete: !completed,
          });
          startTransition(() => setSent(result));
        });
      }}
      className="flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      <input type="hidden" name="complete" value={completed ? "false" : "true"} />
      {completed ? (
        <p className="flex items-center gap-2 font-medium text-emerald-800 dark:text-emerald-300">
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="3"
            aria-hidden="true"
          >
            <path d="M20 6 9 17l-5-5" />
          </svg>
          You completed this part
        </p>
      ) : null}
      <Button
        type="submit"
        variant={completed ? "secondary" : "success"}
        size="sm"
        disabled={pending || status === "loading"}
      >
        {pending ? "Saving…" : completed ? "Mark as not complete" : "Mark as complete"}
      </Button>
      <span role="status" className="text-sm text-red-700 dark:text-red-300">
        {state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}
