"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { FollowToggle } from "@/components/notifications/follow-toggle";
import { landOn } from "@/components/ui/land-on";
import { refetchVisitorData, useVisitorData } from "@/components/ui/visitor-data";
import type { Thread, ThreadOrder } from "@/lib/comments/queries";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { ConfirmToComment } from "./confirm-to-comment";

type ThreadResponse = Thread & { viewer: { name: string; verified: boolean; following: boolean } | null };
const ORDER_KEY = "lectern-comment-order";

/** The address of a lesson's thread; the header's count reads the same one. */
export const threadUrl = (course: string, lesson: string, order: ThreadOrder = "oldest") =>
  `/api/comments?course=${course}&lesson=${lesson}&order=${order}`;

/** The discussion under a lesson: the thread, the form, and the sort order the learner chose. */
export function CommentThread({ course, lesson }: { course: string; lesson: string }) {
  const [order, setOrder] = useState<ThreadOrder>("oldest");
  useEffect(() => {
    if (localStorage.getItem(ORDER_KEY) === "newest") setOrder("newest");
  }, []);
  const url = threadUrl(course, lesson, order);
  const { status, data } = useVisitorData<ThreadResponse>(url);
  const targeted = useLanding(status === "ready");

  const changed = useCallback(
    async (focusId?: string) => {
      await Promise.all([refetchVisitorData(url), refetchVisitorData(threadUrl(course, lesson))]);
      if (focusId) document.getElementById(`comment-${focusId}`)?.focus();
    },
    [url, course, lesson],
  );

  const refreshThread = useCallback(() => void refetchVisitorData(url), [url]);
  const next = `/courses/${course}/${lesson}#discussion`;
  return (
    <div className="grid gap-5 [&>*]:min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-[var(--fg-muted)]" aria-live="polite">
          {status === "ready" && data
            ? `${data.count} ${data.count === 1 ? "comment" : "comments"}`
            : status === "error"
              ? ""
              : "Loading comments…"}
        </p>
        <label className="flex items-center gap-2 text-sm">
          Sort
          <select
            value={order}
            onChange={(e) => {
              const value = e.target.value === "newest" ? "newest" : "oldest";
              localStorage.setItem(ORDER_KEY, value);
              setOrder(value);
            }}
            className="rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1"
          >
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
      </div>
      {status === "error" ? (
        <p role="alert">The discussion could not load. Reload the page to try again.</p>
      ) : null}
      {data?.viewer ? (
        <FollowToggle
          key={String(data.viewer.following)}
          course={course}
          lesson={lesson}
          following={data.viewer.following}
          onChanged={refreshThread}
        />
      ) : null}
      {data?.viewer && !data.viewer.verified ? (
        <ConfirmToComment />
      ) : data?.viewer ? (
        <CommentForm
          course={course}
          lesson={lesson}
          label={`Comment as ${data.viewer.name}`}
          onPosted={(id) => void changed(id)}
        />
      ) : status === "ready" ? (
        <p className="rounded-lg border border-[var(--border)] bg-[var(--bg-soft)] px-4 py-3">
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in to leave a comment</Link> — or{" "}
          <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>create an account</Link>.
        </p>
      ) : null}
      {status === "ready" && data && data.comments.length === 0 ? (
        <p className="text-[var(--fg-muted)]">
          No comments yet. Be the first: ask a question, or share what worked for you.
        </p>
      ) : null}
      {data && data.comments.length > 0 ? (
        <ol className="grid list-none gap-4 pl-0" aria-label="Comments">
          {data.comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              course={course}
              lesson={lesson}
              targeted={targeted}
              onChanged={(id) => void changed(id)}
            />
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/**
 * Links to #discussion or #comment-<id> (after signing up, or shared) land on their target once
 * the thread is there: the browser's own jump happened before it loaded, and short of it.
 * Returns the id of the comment linked to, which the thread marks.
 */
function useLanding(ready: boolean): string | null {
  const [targeted, setTargeted] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let stop: (() => void) | undefined;
    const land = () => {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      if (hash !== "discussion" && !hash.startsWith("comment-")) return;
      const comment = hash.startsWith("comment-") ? document.getElementById(hash) : null;
      const target = comment ?? document.getElementById("discussion");
      if (!target) return;
      stop?.();
      stop = landOn(target);
      setTargeted(comment ? hash.slice("comment-".length) : null);
      comment?.focus({ preventScroll: true });
    };
    land();
    window.addEventListener("hashchange", land);
    return () => {
      stop?.();
      window.removeEventListener("hashchange", land);
    };
  }, [ready]);
  return targeted;
}

/** "12 comments" in the lesson header, linking to the discussion. */
export function CommentCount({ course, lesson }: { course: string; lesson: string }) {
  const { data } = useVisitorData<ThreadResponse>(threadUrl(course, lesson));
  if (!data) return null;
  return (
    <a href="#discussion">
      {data.count} {data.count === 1 ? "comment" : "comments"}
    </a>
  );
}
