import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc, MailStatus } from "@/components/mail/mail-status";
import { env } from "@/lib/env";
import { requireAdminPage } from "@/lib/instructor/access";
import { OUTBOX_PAGE_SIZE, outboxCounts, outboxPage } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

/**
 * Every mail the site wrote, newest first: without SMTP_URL this is where it goes (so a reset or
 * verification link can be handed on); with SMTP it shows what waits, what was sent and what failed.
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdminPage("/admin/outbox");
  const page = Math.max(0, Math.min(10_000, Number.parseInt((await searchParams).page ?? "0", 10) || 0));
  const [rows, counts] = await Promise.all([outboxPage(page), outboxCounts()]);
  const more = rows.length > OUTBOX_PAGE_SIZE;
  const smtp = Boolean(env().SMTP_URL);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Outbox</h1>
      <p className="mt-2 text-[var(--fg-muted)]">
        {smtp
          ? "Mail goes out by SMTP. Waiting messages are retried with growing pauses; sent sign-in links are removed from here."
          : "No SMTP_URL is set: mail stays here instead of being sent. Open a message to pass its link on; one-time links are removed after a day."}
      </p>
      <p className="mt-3 text-sm" data-counts>
        {counts.pending} waiting · {counts.sent} {smtp ? "sent" : "delivered here"} · {counts.failed} failed
      </p>
      {rows.length === 0 ? (
        <p className="mt-8">No mail yet. Sign-ups, password resets and notifications appear here.</p>
      ) : (
        <ol className="mt-6 grid gap-3" aria-label="Messages">
          {rows.slice(0, OUTBOX_PAGE_SIZE).map((m) => (
            <li key={m.id} className="rounded-lg border border-[var(--border)] px-4 py-3" data-mail={m.kind}>
              <p className="break-words font-medium">
                <Link href={`/admin/outbox/${m.id}`}>{m.subject || "(no subject)"}</Link>
              </p>
              <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-[var(--fg-muted)]">
                <span className="break-all">To {m.toAddress}</span>
                <span>{m.kind}</span>
                <span>{formatUtc(m.createdAt)}</span>
                <MailStatus {...m} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="mt-6 flex gap-4 text-sm">
        {page > 0 ? <Link href={`/admin/outbox?page=${page - 1}`}>← Newer</Link> : null}
        {more ? <Link href={`/admin/outbox?page=${page + 1}`}>Older →</Link> : null}
      </nav>
    </main>
  );
}
