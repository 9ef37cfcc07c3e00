"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Honeypot } from "@/components/ui/honeypot";
import { postCommentAction } from "@/lib/comments/actions";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/limits";

type Props = {
  course: string;
  lesson: string;
  parentId?: string;
  label: string;
  onPosted: (id: string) => void;
  onCancel?: () => void;
};

/** Writes a comment or reply: a counter, a honeypot, and one stored comment per submission. */
export function CommentForm({ course, lesson, parentId, label, onPosted, onCancel }: Props) {
  const [state, action, pending] = useActionState(postCommentAction, null);
  const [text, setText] = useState("");
  const [submissionId, setSubmissionId] = useState("");
  const id = useId();
  const handled = useRef<unknown>(null);
  const length = [...text].length;

  useEffect(() => setSubmissionId(crypto.randomUUID()), []);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      setText("");
      setSubmissionId(crypto.randomUUID());
      onPosted(state.data.id);
    }
  }, [state, onPosted]);

  return (
    <form action={action} className="grid gap-2" id={parentId ? undefined : "comment-form"}>
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <input type="hidden" name="submissionId" value={submissionId} />
      <label htmlFor={`${id}-body`} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={parentId ? 3 : 4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-help ${id}-count`}
        aria-invalid={state && !state.ok ? true : undefined}
        className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2"
      />
      <Honeypot />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-[var(--fg-muted)]">
        <span id={`${id}-help`}>
          Markdown: **bold**, *italic*, `code`, links, lists, quotes and code blocks.
        </span>
        <span
          id={`${id}-count`}
          aria-live="polite"
          className={length > COMMENT_MAX_LENGTH ? "font-semibold text-red-700 dark:text-red-300" : ""}
        >
          {length.toLocaleString("en")} / {COMMENT_MAX_LENGTH.toLocaleString("en")}
        </span>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !submissionId} size="sm">
          {pending ? "Posting…" : parentId ? "Post reply" : "Post comment"}
        </Button>
        {onCancel ? (
          <Button type="button" onClick={onCancel} variant="secondary" size="sm">
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
