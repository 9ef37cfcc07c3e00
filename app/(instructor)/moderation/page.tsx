import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AuthorPanel } from "@/components/comments/author-panel";
import { FoldedBody, isLongComment } from "@/components/comments/folded-body";
import { ModerationActions } from "@/components/comments/moderation-actions";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { isStaff } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { authorStandings } from "@/lib/comments/author-moderation";
import { REPORT_REASONS } from "@/lib/comments/limits";
import { moderationQueue } from "@/lib/comments/queries";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Reported and hidden comments across every lesson, for instructors and admins only. */
export default async function ModerationPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/moderation");
  if (!isStaff(user.role)) notFound();
  const queue = await moderationQueue();
  const authors = await authorStandings([...new Set(queue.flatMap((c) => (c.author ? [c.author.id] : [])))]);
  const suspended = [...authors.values()].filter((a) => a.postingSuspendedAt);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <InstructorNav current="/moderation" />
      <h1 className="text-3xl font-bold tracking-tight">Moderation</h1>
      <p className="mt-2 text-[var(--fg-muted)]">
        Comments with open reports, and hidden comments, newest first. Actions on an author (hide all of their
        comments, suspend their posting) are recorded with who did them and when.
      </p>
      {suspended.length > 0 ? (
        <section aria-labelledby="suspended-title" className="mt-8">
          <h2 id="suspended-title" className="text-lg font-semibold">
            Suspended authors
          </h2>
          <ul className="mt-2 grid list-none gap-2 pl-0">
            {suspended.map((a) => (
              <li key={a.id}>
                <AuthorPanel author={a} self={a.id === user.id} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {queue.length === 0 ? (
        <p className="mt-8">Nothing to review. Reported and hidden comments appear here.</p>
      ) : (
        <ol className="mt-8 grid gap-4">
          {queue.map((c) => (
            <li key={c.id} className="rounded-lg border border-[var(--border)] p-4" data-moderation={c.id}>
              <p className="text-sm text-[var(--fg-muted)]">
                <Link href={`/courses/${c.courseSlug}/${c.lessonSlug}#comment-${c.id}`}>
                  {c.courseSlug} / {c.lessonSlug}
                </Link>{" "}
                · {c.author?.name ?? "[deleted account]"} · {when.format(c.createdAt)} UTC
                {c.hiddenAt ? (
                  <strong className="ml-2 text-amber-800 dark:text-amber-300">Hidden</strong>
                ) : null}
              </p>
              {/* Sanitized on the server when written. */}
              <div className="mt-2">
                <FoldedBody id={`moderation-${c.id}`} html={c.html} long={isLongComment(c.body)} />
              </div>
              {c.reports.length ? (
                <p className="mt-2 text-sm">
                  {c.reports.length} open {c.reports.length === 1 ? "report" : "reports"}:{" "}
                  {[
                    ...new Set(
                      c.reports.map(
                        (r) => REPORT_REASONS[r.reason as keyof typeof REPORT_REASONS] ?? r.reason,
                      ),
                    ),
                  ].join(", ")}
                </p>
              ) : null}
              <div className="mt-3">
                <ModerationActions id={c.id} hidden={Boolean(c.hiddenAt)} reports={c.reports.length} />
              </div>
              {c.author && authors.get(c.author.id) ? (
                <div className="mt-3">
                  <AuthorPanel author={authors.get(c.author.id)!} self={c.author.id === user.id} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
