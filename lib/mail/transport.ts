// How a claimed message leaves: over SMTP with nodemailer, or into the outbox (the row itself)
// when SMTP_URL is unset.
import nodemailer from "nodemailer";
import type { QueuedMail } from "./queue";

export type MailTransport = {
  /** "smtp" or "outbox", recorded on each sent row. */
  name: "smtp" | "outbox";
  /** Hands the message over; throws when it was not accepted. */
  send: (mail: QueuedMail) => Promise<void>;
  close: () => void;
};

/** The message as nodemailer takes it: our From, a stable Message-ID, and the row's headers. */
export function toNodemailerMessage(mail: QueuedMail, from: string, siteUrl: string) {
  const host = new URL(siteUrl).hostname || "localhost";
  return {
    from,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.text,
    html: mail.html || undefined,
    // The same id on every attempt, so a receiver can drop a copy if a retry follows a delivery
    // whose acknowledgement was lost.
    messageId: `<${mail.id}@${host}>`,
    headers: { "Auto-Submitted": "auto-generated", ...mail.headers },
  };
}

/** True for an SMTP refusal that a retry would not change (a 5xx reply, e.g. an unknown mailbox). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** SMTP through nodemailer; one connection per message, with timeouts well inside the lease. */
export function smtpTransport(smtpUrl: string, from: string, siteUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    name: "smtp",
    async send(mail) {
      await transporter.sendMail(toNodemailerMessage(mail, from, siteUrl));
    },
    close: () => transporter.close(),
  };
}

/** The outbox: the row is the delivery. Development prints each message to the log. */
export function outboxTransport(print: boolean, log: (line: string) => void = console.log): MailTransport {
  return {
    name: "outbox",
    async send(mail) {
      if (print) {
        log(`\n✉ To: ${mail.toAddress}\n  Subject: ${mail.subject}\n\n${mail.text}`);
      } else {
        log(`✉ ${mail.kind} mail for ${mail.toAddress} is in the outbox (admins: /admin/outbox)`);
      }
    },
    close() {},
  };
}
