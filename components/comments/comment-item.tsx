"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import {
  deleteCommentAction,
  editCommentAction,
  hideCommentAction,
  reportCommentAction,
} from "@/lib/comments/actions";
import { REPORT_REASONS } from "@/lib/comments/limits";
import type { CommentView } from "@/lib/comments/queries";
import { CommentForm } from "./comment-form";
import { RelativeTime } from "./relative-time";

type Props = {
  comment: CommentView;
  course: string;
  lesson: string;
  /** The comment a permalink pointed at, marked when it is this one. */
  targeted?: string | null;
  onChanged: (focusId?: string) => void;
};

const small = "rounded border border-[var(--border)] px-2 py-0.5 text-xs hover:bg-[var(--bg-soft)]";

/** Calls `done` once per successful action result. */
function useOnSuccess<T>(state: ActionResult<T> | null, done: () => void) {
  const handled = useRef(state);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      done();
    }
  });
}

/** One comment with the actions this viewer may take, and its replies. */
export function CommentItem({ comment, course, lesson, targeted, onChanged }: Props) {
  const [mode, setMode] = useState<"view" | "reply" | "edit" | "report" | "delete">("view");
  const [editState, editAction, editing] = useActionState(editCommentAction, null);
  const [deleteState, deleteAction] = useActionState(deleteCommentAction, null);
  const [hideState, hideAction] = useActionState(hideCommentAction, null);
  const [reportState, reportAction] = useActionState(reportCommentAction, null);
  const reset = () => {
    setMode("view");
    onChanged(comment.id);
  };
  useOnSuccess(editState, reset);
  useOnSuccess(deleteState, reset);
  useOnSuccess(hideState, reset);
  useOnSuccess(reportState, reset);
  const error = [editState, deleteState, hideState, reportState].find((s) => s && !s.ok);

  return (
    <li
      id={`comment-${comment.id}`}
      tabIndex={-1}
      className="comment min-w-0 scroll-mt-20 outline-none"
      data-comment={comment.id}
      data-targeted={targeted === comment.id ? "" : undefined}
    >
      <article
        aria-label={
          comment.deleted ? "Deleted comment" : `Comment by ${comment.author?.name ?? "a former member"}`
        }
        className={`min-w-0 rounded-lg border px-4 py-3 ${comment.hidden ? "border-dashed border-amber-600 bg-amber-50/60 dark:bg-amber-950/30" : targeted === comment.id ? "border-brand-600 ring-2 ring-brand-600/30 dark:border-brand-300" : "border-[var(--border)]"}`}
      >
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          {comment.deleted ? (
            <span className="text-[var(--fg-muted)] italic">[deleted]</span>
          ) : (
            <>
              <span className="min-w-0 font-semibold break-words">
                {comment.author?.name ?? "[deleted account]"}
              </span>
              {comment.author?.instructor ? (
                <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-700 dark:bg-brand-700/40 dark:text-brand-100">
                  Instructor
                </span>
              ) : null}
              <a href={`#comment-${comment.id}`} className="text-inherit no-underline hover:underline">
                <RelativeTime iso={comment.createdAt} />
              </a>
              {comment.editedAt ? (
                <span className="text-[var(--fg-muted)]">
                  · edited <RelativeTime iso={comment.editedAt} bare />
                </span>
              ) : null}
              {comment.hidden ? (
                <span className="font-semibold text-amber-800 dark:text-amber-300">
                  · Hidden from learners
                </span>
              ) : null}
            </>
          )}
        </header>
        {mode === "edit" ? (
          <form action={editAction} className="mt-2 grid gap-2">
            <input type="hidden" name="id" value={comment.id} />
            <label htmlFor={`edit-${comment.id}`} className="sr-only">
              Edit your comment
            </label>
            <textarea
              id={`edit-${comment.id}`}
              name="body"
              defaultValue={comment.body}
              rows={4}
              className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2"
            />
            <div className="flex gap-2">
              <Button type="submit" disabled={editing} size="sm">
                Save
              </Button>
              <Button type="button" onClick={() => setMode("view")} variant="secondary" size="sm">
                Cancel
              </Button>
            </div>
          </form>
        ) : comment.deleted ? null : (
          // Sanitized on the server when written (lib/comments/markdown.ts: the sanitizer runs last).
          <div
            className="comment-body mt-2 text-[0.95rem] leading-relaxed"
            dangerouslySetInnerHTML={{ __html: comment.html }}
          />
        )}
        {mode === "view" ? (
          <div className="mt-2 flex flex-wrap gap-2">
            {comment.can.reply ? (
              <button type="button" className={small} onClick={() => setMode("reply")}>
                Reply
              </button>
            ) : null}
            {comment.can.edit ? (
              <button type="button" className={small} onClick={() => setMode("edit")}>
                Edit
              </button>
            ) : null}
            {comment.can.delete ? (
              <button type="button" className={small} onClick={() => setMode("delete")}>
                Delete
              </button>
            ) : null}
            {comment.can.report ? (
              <button type="button" className={small} onClick={() => setMode("report")}>
                Report
              </button>
            ) : null}
            {comment.deleted ? null : <CopyLink course={course} lesson={lesson} id={comment.id} />}
            {comment.reported ? (
              <span className="text-xs text-[var(--fg-muted)]">Reported — thank you</span>
            ) : null}
            {comment.can.hide || comment.can.unhide ? (
              <form action={hideAction}>
                <input type="hidden" name="id" value={comment.id} />
                <input type="hidden" name="hidden" value={comment.can.hide ? "true" : "false"} />
                <button type="submit" className={small}>
                  {comment.can.hide ? "Hide" : "Unhide"}
                </button>
              </form>
            ) : null}
          </div>
        ) : null}
        {mode === "delete" ? (
          <form action={deleteAction} className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <input type="hidden" name="id" value={comment.id} />
            <span>
              Delete this comment? {comment.replies.length ? "Replies stay, under “[deleted]”." : ""}
            </span>
            <Button type="submit" variant="danger" size="sm">
              Delete comment
            </Button>
            <button type="button" className={small} onClick={() => setMode("view")}>
              Keep it
            </button>
          </form>
        ) : null}
        {mode === "report" ? (
          <form action={reportAction} className="mt-2 flex flex-wrap items-end gap-2 text-sm">
            <input type="hidden" name="id" value={comment.id} />
            <label className="grid gap-1">
              <span>Why are you reporting this?</span>
              <select
                name="reason"
                className="rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1"
                defaultValue="spam"
              >
                {Object.entries(REPORT_REASONS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md bg-amber-700 px-2 py-1 text-white">
              Send report
            </button>
            <button type="button" className={small} onClick={() => setMode("view")}>
              Cancel
            </button>
          </form>
        ) : null}
        {error && !error.ok ? (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
            {error.message}
          </p>
        ) : null}
        {mode === "reply" ? (
          <div className="mt-3">
            <CommentForm
              course={course}
              lesson={lesson}
              parentId={comment.id}
              label={`Reply to ${comment.author?.name ?? "this comment"}`}
              onPosted={(id) => {
                setMode("view");
                onChanged(id);
              }}
              onCancel={() => setMode("view")}
            />
          </div>
        ) : null}
      </article>
      {comment.replies.length ? (
        <ol
          className="mt-3 grid list-none gap-3 border-l-2 border-[var(--border)] pl-3 sm:pl-5"
          aria-label="Replies"
        >
          {comment.replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              course={course}
              lesson={lesson}
              targeted={targeted}
              onChanged={onChanged}
            />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** Copies the comment's permalink (the lesson page, landing on this comment). */
function CopyLink({ course, lesson, id }: { course: string; lesson: string; id: string }) {
  const [said, setSaid] = useState("");
  return (
    <>
      <button
        type="button"
        className={small}
        onClick={async () => {
          const url = `${window.location.origin}/courses/${course}/${lesson}#comment-${id}`;
          try {
            await navigator.clipboard.writeText(url);
            setSaid("Link copied");
          } catch {
            // No clipboard (an old browser, a denied permission): the address bar holds the link.
            window.history.replaceState(null, "", `#comment-${id}`);
            setSaid("The link is in the address bar");
          }
        }}
      >
        Copy link
      </button>
      <span role="status" className="text-xs text-[var(--fg-muted)]">
        {said}
      </span>
    </>
  );
}
