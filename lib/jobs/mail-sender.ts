import "server-only";
import { REPORT_REASONS } from "@/lib/comments/limits";
import { env } from "@/lib/env";
import { blankExpiredOutboxLinks, onMailQueued } from "@/lib/mail/queue";
import { createMailSender, type MailSender } from "@/lib/mail/sender";
import { mailSite } from "@/lib/mail/site";
import { type MailTransport, outboxTransport, smtpTransport } from "@/lib/mail/transport";
import { queueDueCourseDigests } from "@/lib/notifications/course-digest";
import { queueDueDigests } from "@/lib/notifications/digest";
import { getSecret } from "@/lib/secret";

// The background work of an app server: the mail sender and the periodic jobs it runs between
// deliveries. Above lib/mail (which delivers) and lib/notifications (which queues digests).

const HOUR = 60 * 60 * 1000;
const state = globalThis as unknown as { lecternMailSender?: MailSender };

/** The transport the environment asks for: SMTP with SMTP_URL, else the database outbox. */
export function configuredTransport(): MailTransport {
  const e = env();
  if (e.SMTP_URL && e.MAIL_FROM) return smtpTransport(e.SMTP_URL, e.MAIL_FROM, mailSite().url);
  return outboxTransport(e.NODE_ENV === "development");
}

/**
 * Starts this process's mail sender (once), from instrumentation.ts when the server boots, and
 * stops it on SIGTERM/SIGINT: no new claims, the round in progress may finish, unsent claims are
 * handed back for the next server (or this one after its restart).
 */
export function startMailSender(): MailSender {
  if (state.lecternMailSender) return state.lecternMailSender;
  const e = env();
  const transport = configuredTransport();
  const sender = createMailSender({
    transport,
    jobs: [
      {
        name: "digests",
        everyMs: 15_000,
        onWake: true,
        run: async (now) =>
          queueDueDigests({
            now,
            minutes: e.MAIL_DIGEST_MINUTES,
            site: mailSite(),
            secret: await getSecret(),
          }),
      },
      {
        name: "course-digests",
        everyMs: 10 * 60_000,
        run: async (now) =>
          queueDueCourseDigests({
            now,
            site: mailSite(),
            secret: await getSecret(),
            reasonLabels: REPORT_REASONS,
          }),
      },
      {
        // Reset links live 30 minutes and verification links 24 hours: after a day, no
        // outbox copy still opens anything.
        name: "outbox-links",
        everyMs: HOUR,
        run: (now) => blankExpiredOutboxLinks(new Date(now.getTime() - 24 * HOUR)),
      },
    ],
  });
  state.lecternMailSender = sender;
  onMailQueued(() => sender.wake());
  sender.start();
  console.log(
    transport.name === "smtp"
      ? `✉ Mail goes out by SMTP (${new URL(e.SMTP_URL as string).host}) from ${e.MAIL_FROM}`
      : "✉ No SMTP_URL: mail goes to the outbox in the database (admins read it at /admin/outbox)",
  );
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      void sender.stop(3_000);
    });
  }
  return sender;
}
