import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmToComment } from "@/components/comments/confirm-to-comment";
import { RelativeTime } from "@/components/comments/relative-time";
import { FollowToggle } from "@/components/notifications/follow-toggle";
import { Button } from "@/components/ui/button";
import { Honeypot } from "@/components/ui/honeypot";
import { getSessionUser } from "@/lib/auth/session";
import { postCommentFormAction } from "@/lib/comments/actions";
import { noticeText } from "@/lib/comments/notices";
import { toActor } from "@/lib/comments/permissions";
import { type CommentView, getThread } from "@/lib/comments/queries";
import { getLessonEntry } from "@/lib/content/catalog";
import { isFollowing } from "@/lib/notifications/follows";

type Params = { course: string; lesson: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { course, lesson } = await params;
  const entry = getLessonEntry(course, lesson);
  return entry
    ? { title: `Discussion: Part ${entry.lesson.part}, ${entry.lesson.title}`, robots: { index: false } }
    : {};
}

/**
 * A lesson's discussion rendered on the server with plain forms: the way to read and post
 * without JavaScript (the lesson page's thread is the same data, as an island).
 */
export default async function DiscussionPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  const { course, lesson } = await params;
  const entry = getLessonEntry(course, lesson);
  if (!entry) notFound();
  const user = await getSessionUser();
  const [thread, following] = await Promise.all([
    getThread(course, lesson, toActor(user), "oldest"),
    user ? isFollowing({ userId: user.id, course, lesson }) : false,
  ]);
  const error = noticeText((await searchParams).error);
  const here = `/courses/${course}/${lesson}/discussion`;
  const form = (parentId?: string) => (
    <form action={postCommentFormAction} className="grid gap-2">
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <input type="hidden" name="submissionId" value={crypto.randomUUID()} />
      <label className="grid gap-1 text-sm font-medium">
        {parentId ? "Your reply" : `Comment as ${user?.name}`}
        <textarea
          name="body"
          rows={parentId ? 3 : 4}
          maxLength={5000}
          required
          className="rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-normal"
        />
      </label>
      <Honeypot />
      <Button type="submit" size="sm" className="justify-self-start">
        {parentId ? "Post reply" : "Post comment"}
      </Button>
    </form>
  );
  const render = (c: CommentView) => (
    <li key={c.id} id={`comment-${c.id}`} className="grid gap-2">
      <article className="rounded-lg border border-[var(--border)] px-4 py-3">
        <p className="flex flex-wrap gap-2 text-sm">
          {c.deleted ? (
            <span className="italic">[deleted]</span>
          ) : (
            <>
              <strong>{c.author?.name ?? "[deleted account]"}</strong>
              {c.author?.instructor ? (
                <span className="font-semibold text-brand-700 dark:text-brand-300">Instructor</span>
              ) : null}
              <RelativeTime iso={c.createdAt} />
              {c.editedAt ? <span>· edited</span> : null}
            </>
          )}
        </p>
        {/* Sanitized on the server when written. */}
        {c.deleted ? null : (
          <div className="comment-body mt-2" dangerouslySetInnerHTML={{ __html: c.html }} />
        )}
        {user && c.can.reply ? (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">Reply</summary>
            <div className="mt-2">{form(c.id)}</div>
          </details>
        ) : null}
      </article>
      {c.replies.length ? (
        <ol className="grid list-none gap-3 border-l-2 border-[var(--border)] pl-4">
          {c.replies.map(render)}
        </ol>
      ) : null}
    </li>
  );

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href={`/courses/${course}/${lesson}`}>
          ← Back to Part {entry.lesson.part}: {entry.lesson.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Discussion ({thread.count})</h1>
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      {user ? (
        <div className="mt-4">
          <FollowToggle course={course} lesson={lesson} following={following} />
        </div>
      ) : null}
      <div id="comment-form" className="mt-6">
        {user && !user.emailVerified ? (
          <ConfirmToComment />
        ) : user ? (
          form()
        ) : (
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in to leave a comment</Link>
        )}
      </div>
      {thread.comments.length === 0 ? (
        <p className="mt-6 text-[var(--fg-muted)]">
          No comments yet. Be the first: ask a question, or share what worked for you.
        </p>
      ) : (
        <ol className="mt-6 grid list-none gap-4 pl-0">{thread.comments.map(render)}</ol>
      )}
    </main>
  );
}
