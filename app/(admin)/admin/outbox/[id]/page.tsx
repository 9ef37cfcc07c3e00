import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MailPreview } from "@/components/mail/mail-preview";
import { formatUtc, MailStatus } from "@/components/mail/mail-status";
import { requireAdminPage } from "@/lib/instructor/access";
import { fromAddress, outboxMessage, parseStoredHeaders } from "@/lib/mail/outbox";

export const metadata: Metadata = {
  title: "Outbox message",
  robots: { index: false },
  referrer: "no-referrer",
};

/** The plain-text body with its web addresses as links (React escapes everything else). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** One message as it was (or will be) sent: headers, the text body and the HTML body in a sandbox. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/outbox/${id}`);
  const m = /^[a-z0-9]{10,40}$/.test(id) ? await outboxMessage(id) : null;
  if (!m) notFound();
  const rows: [string, string][] = [
    ["From", fromAddress()],
    ["To", m.toAddress],
    ["Subject", m.subject],
    ["Written", formatUtc(m.createdAt)],
    ["Kind", m.kind],
    ...parseStoredHeaders(m.headers),
  ];
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/admin/outbox">← Outbox</Link>
      </p>
      <h1 className="mt-2 break-words text-2xl font-bold">{m.subject || "(no subject)"}</h1>
      <p className="mt-2 text-sm">
        <MailStatus {...m} />
      </p>
      {m.lastError ? (
        <p className="mt-2 break-words text-sm text-red-800 dark:text-red-300">Last error: {m.lastError}</p>
      ) : null}
      <dl className="mt-6 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-medium">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Text</h2>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-[var(--border)] bg-[var(--bg-soft)] p-4 text-sm">
        <Linked text={m.text} />
      </pre>
      {m.html ? <MailPreview html={m.html} subject={m.subject} /> : null}
    </main>
  );
}
