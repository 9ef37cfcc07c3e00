import "server-only";
import { db } from "@/lib/db";
import { env, siteUrl } from "@/lib/env";
import { SITE_NAME } from "./site";

/** The From a mail is sent with: MAIL_FROM, or (outbox only) the site's name at its host. */
export function fromAddress(): string {
  return env().MAIL_FROM ?? `${SITE_NAME} <no-reply@${new URL(siteUrl()).hostname}>`;
}

export const OUTBOX_PAGE_SIZE = 50;

/** The newest mail first, a page at a time, with what the list shows. */
export function outboxPage(page: number) {
  return db.mailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: page * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      toAddress: true,
      subject: true,
      status: true,
      transport: true,
      attempts: true,
      nextAttemptAt: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

/** How many messages wait, were sent and failed. */
export async function outboxCounts(): Promise<Record<"pending" | "sent" | "failed", number>> {
  const rows = await db.mailMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as keyof typeof counts] = r._count._all;
  return counts;
}

/** One message with everything the detail page shows. */
export function outboxMessage(id: string) {
  return db.mailMessage.findUnique({ where: { id } });
}

/** A message's extra headers, for display. */
export function parseStoredHeaders(json: string): [string, string][] {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  } catch {
    return [];
  }
}
