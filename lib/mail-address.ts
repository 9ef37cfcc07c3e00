import addressparser from "nodemailer/lib/addressparser";

// Rules for the mail settings in lib/env.ts, kept apart so env.ts stays a list of variables. A file
// of its own below env.ts: lib/mail reads env(), so env.ts may not import from lib/mail.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** SMTP_URL: an smtp:// (STARTTLS when offered) or smtps:// (TLS from the start) URL with a host. */
export const SMTP_URL_RULE = {
  message:
    'must be an smtp:// or smtps:// URL with a host, e.g. "smtps://user:password@smtp.example.org:465" ' +
    "(percent-encode @ : / in the user or password)",
  test(value: string): boolean {
    try {
      const url = new URL(value);
      return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
    } catch {
      return false;
    }
  },
};

/** The one address in a From value ("Name <a@b.c>" or "a@b.c"), or null when it is not exactly one. */
export function parseFromAddress(value: string): { name: string; address: string } | null {
  if (/[\r\n]/.test(value)) return null;
  const parsed = addressparser(value);
  if (parsed.length !== 1) return null;
  const only = parsed[0] as { name?: string; address?: string; group?: unknown };
  if (only.group || !only.address || !EMAIL.test(only.address)) return null;
  return { name: only.name ?? "", address: only.address };
}

/** MAIL_FROM: exactly one address, optionally with a display name. */
export const MAIL_FROM_RULE = {
  message: 'must be one address, optionally with a name, e.g. "Lectern <no-reply@lectern.example>"',
  test: (value: string) => parseFromAddress(value) !== null,
};
