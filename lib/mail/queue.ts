// The mail queue in the database: every mail is a row before anything tries to send it, so a
// restart loses nothing; senders claim rows with a lease, so with several app servers each
// message is handed to SMTP by one of them at a time.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { MailContent } from "./layout";

type Client = Prisma.TransactionClient | typeof db;

export type MailKind = "verify-email" | "password-reset" | "email-changed" | "digest" | "course-digest";

export type NewMail = MailContent & {
  kind: MailKind;
  to: string;
  userId?: string | null;
  headers?: Record<string, string>;
  /** Holds a one-time link: blanked once delivered (see MailMessage.sensitive). */
  sensitive?: boolean;
};

/** A claimed row, as the transport needs it. */
export type QueuedMail = {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  sensitive: boolean;
  attempts: number;
};

type Waker = () => void;
const hooks = globalThis as unknown as { lecternMailWaker?: Waker };

/** Lets this process's sender hear about new mail at once instead of at its next poll. */
export function onMailQueued(wake: Waker | undefined): void {
  hooks.lecternMailWaker = wake;
}

/** Puts a mail in the queue (inside the caller's transaction when given one). */
export async function enqueueMail(mail: NewMail, client: Client = db): Promise<{ id: string }> {
  const row = await client.mailMessage.create({
    data: {
      kind: mail.kind,
      userId: mail.userId ?? null,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      sensitive: mail.sensitive ?? false,
    },
    select: { id: true },
  });
  // After a transaction the caller wakes the sender itself; a nudge now would find nothing yet.
  if (client === db) hooks.lecternMailWaker?.();
  return row;
}

/** Wakes this process's sender (after a transaction that queued mail has committed). */
export function wakeSender(): void {
  hooks.lecternMailWaker?.();
}

const dueWhere = (now: Date) => ({
  status: "pending",
  nextAttemptAt: { lte: now },
  OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
});

/**
 * Claims up to `limit` due messages for `owner` until `now + leaseMs`. Each claim is one
 * conditional UPDATE that re-checks the lease, so when two senders pick the same row only one
 * gets it (PostgreSQL re-evaluates the condition after the other's commit; SQLite runs one
 * write at a time). A sender that dies leaves its lease to run out; then another takes over.
 */
export async function claimDue(
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<QueuedMail[]> {
  const candidates = await db.mailMessage.findMany({
    where: dueWhere(now),
    orderBy: { nextAttemptAt: "asc" },
    select: { id: true },
    take: limit,
  });
  const claimed: QueuedMail[] = [];
  for (const { id } of candidates) {
    const { count } = await db.mailMessage.updateMany({
      where: { id, ...dueWhere(now) },
      data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (count !== 1) continue;
    const row = await db.mailMessage.findUnique({
      where: { id },
      select: {
        id: true,
        kind: true,
        toAddress: true,
        subject: true,
        text: true,
        html: true,
        headers: true,
        sensitive: true,
        attempts: true,
      },
    });
    if (row) claimed.push({ ...row, headers: parseHeaders(row.headers) });
  }
  return claimed;
}

function parseHeaders(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === "string",
        ),
      );
    }
  } catch {
    // A row written by hand: send it without extra headers rather than never.
  }
  return {};
}

export const REDACTED = "[Removed after delivery: this mail held a one-time link.]";

/**
 * Records a delivery. Fenced by the lease: false when this sender no longer held it (its lease
 * ran out and another took the message over), which the caller logs.
 */
export async function markSent(
  mail: Pick<QueuedMail, "id" | "sensitive">,
  owner: string,
  transport: string,
  now: Date,
): Promise<boolean> {
  // A one-time link has no business in the database once SMTP has it. The outbox keeps it
  // (it is the only copy) until the link has expired; see blankExpiredOutboxLinks.
  const blank = mail.sensitive && transport === "smtp" ? { text: REDACTED, html: "" } : {};
  const { count } = await db.mailMessage.updateMany({
    where: { id: mail.id, leaseOwner: owner },
    data: {
      status: "sent",
      sentAt: now,
      transport,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      attempts: { increment: 1 },
      ...blank,
    },
  });
  return count === 1;
}

/**
 * Records a failed attempt: the message waits `retryInMs` and is tried again, or is marked
 * failed when `retryInMs` is null (a permanent refusal, or the last attempt).
 */
export async function markFailed(
  id: string,
  owner: string,
  error: string,
  now: Date,
  retryInMs: number | null,
): Promise<void> {
  await db.mailMessage.updateMany({
    where: { id, leaseOwner: owner },
    data: {
      attempts: { increment: 1 },
      lastError: error.slice(0, 500),
      leaseOwner: null,
      leaseUntil: null,
      ...(retryInMs === null ? { status: "failed" } : { nextAttemptAt: new Date(now.getTime() + retryInMs) }),
    },
  });
}

/** Gives back what this sender claimed but did not send (on shutdown), for others to take now. */
export async function releaseLeases(owner: string): Promise<number> {
  const { count } = await db.mailMessage.updateMany({
    where: { leaseOwner: owner, status: "pending" },
    data: { leaseOwner: null, leaseUntil: null },
  });
  return count;
}

/** Blanks the one-time links of outbox messages older than `before` (their links have expired). */
export async function blankExpiredOutboxLinks(before: Date): Promise<number> {
  const { count } = await db.mailMessage.updateMany({
    where: { sensitive: true, transport: "outbox", createdAt: { lt: before }, NOT: { text: REDACTED } },
    data: { text: REDACTED, html: "" },
  });
  return count;
}
