"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Honeypot } from "@/components/ui/honeypot";
import { useRovingTabs } from "@/components/ui/roving-tabs";
import { postCommentAction, previewCommentAction } from "@/lib/comments/actions";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/limits";

type Props = {
  course: string;
  lesson: string;
  parentId?: string;
  label: string;
  onPosted: (id: string) => void;
  onCancel?: () => void;
};

type Preview = { text: string; html: string } | { text: string; error: string } | null;

/**
 * What the comment will look like, from the server: the same checks and the same renderer that
 * posting uses, so the preview is exactly what will be stored. Asked again only when the text changed.
 */
function usePreview(text: string, showing: boolean): Preview | "loading" {
  const [preview, setPreview] = useState<Preview>(null);
  useEffect(() => {
    if (!showing || preview?.text === text) return;
    let current = true;
    const form = new FormData();
    form.set("body", text);
    previewCommentAction(form)
      .then((result) => {
        if (!current) return;
        setPreview(result.ok ? { text, html: result.data.html } : { text, error: result.message });
      })
      .catch(() => current && setPreview({ text, error: "The preview could not load. Try again." }));
    return () => {
      current = false;
    };
  }, [showing, text, preview]);
  return preview?.text === text ? preview : "loading";
}

/** Writes a comment or reply: Write and Preview, a counter, a honeypot, one stored comment per submission. */
export function CommentForm({ course, lesson, parentId, label, onPosted, onCancel }: Props) {
  const [state, action, pending] = useActionState(postCommentAction, null);
  const [text, setText] = useState("");
  const [submissionId, setSubmissionId] = useState("");
  const id = useId();
  const handled = useRef<unknown>(null);
  const length = [...text].length;
  const tabs = useRovingTabs(2);
  const preview = usePreview(text, tabs.active === 1);

  useEffect(() => setSubmissionId(crypto.randomUUID()), []);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      setText("");
      tabs.select(0);
      setSubmissionId(crypto.randomUUID());
      onPosted(state.data.id);
    }
  }, [state, onPosted, tabs.select]);

  return (
    <form action={action} className="grid gap-2" id={parentId ? undefined : "comment-form"}>
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <input type="hidden" name="submissionId" value={submissionId} />
      <div className="flex flex-wrap items-end justify-between gap-x-3 border-b border-[var(--border)]">
        <label htmlFor={`${id}-body`} className="pb-2 text-sm font-medium">
          {label}
        </label>
        <div {...tabs.tabList("Comment editor")} className="flex">
          <button {...tabs.tab(0)}>Write</button>
          <button {...tabs.tab(1)}>Preview</button>
        </div>
      </div>
      <div {...tabs.panel(0)}>
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
      </div>
      <div
        {...tabs.panel(1)}
        hidden={tabs.active !== 1}
        className="min-h-24 min-w-0 rounded-md border border-[var(--border)] px-3 py-2"
      >
        {tabs.active !== 1 ? null : preview === "loading" ? (
          <p className="text-sm text-[var(--fg-muted)]">Rendering the preview…</p>
        ) : preview && "error" in preview ? (
          <p data-testid="comment-preview" className="text-sm text-red-700 dark:text-red-300">
            {preview.error}
          </p>
        ) : preview ? (
          <div
            data-testid="comment-preview"
            className="comment-body text-[0.95rem] leading-relaxed"
            // Rendered and sanitized on the server by the renderer posting uses (lib/comments/markdown.ts).
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
        ) : null}
      </div>
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
