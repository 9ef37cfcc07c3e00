// The one HTML frame every mail shares: a centred card that reads in light and dark mail clients.
import { escapeHtml } from "./text";

/** The site a mail comes from: its name and public origin (SITE_URL). */
export type Site = { name: string; url: string };

/** What a template produces: the Subject and both bodies. */
export type MailContent = { subject: string; text: string; html: string };

// Colours pass WCAG AA on both backgrounds. Clients that honour prefers-color-scheme (Apple Mail,
// iOS, Outlook for Mac, Thunderbird) switch to the dark set; clients that invert colours
// themselves (Gmail apps, Outlook.com) get light colours with enough contrast to invert well.
const STYLE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
body { margin: 0; padding: 0; }
.bg { background: #f3f4f6; color: #1f2328; }
.card { background: #ffffff; border: 1px solid #d0d7de; }
.fg { color: #1f2328; }
.muted { color: #57606a; }
.quote { background: #f6f8fa; border-left: 3px solid #8c959f; color: #1f2328; }
a { color: #0b57a4; }
.button { background: #0b57a4; color: #ffffff !important; }
@media (prefers-color-scheme: dark) {
  .bg { background: #0d1117 !important; color: #e6edf3 !important; }
  .card { background: #161b22 !important; border-color: #30363d !important; }
  .fg { color: #e6edf3 !important; }
  .muted { color: #a4afbb !important; }
  .quote { background: #0d1117 !important; border-left-color: #6e7681 !important; color: #e6edf3 !important; }
  a { color: #8ab8ff !important; }
  .button { background: #2f6fd0 !important; color: #ffffff !important; }
}
`.trim();

const FONT = "font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;";

/** A link styled as a button (the text is escaped here). */
export function buttonHtml(href: string, label: string): string {
  return (
    `<p style="margin: 24px 0;"><a class="button" href="${escapeHtml(href)}" ` +
    `style="display: inline-block; padding: 10px 18px; border-radius: 6px; background: #0b57a4; ` +
    `color: #ffffff; font-weight: 600; text-decoration: none;">${escapeHtml(label)}</a></p>`
  );
}

/** A paragraph of escaped text. */
export function paragraphHtml(text: string, muted = false): string {
  return `<p class="${muted ? "muted" : "fg"}" style="margin: 0 0 14px; line-height: 1.5;${muted ? " color: #57606a; font-size: 14px;" : ""}">${escapeHtml(text)}</p>`;
}

/** Someone's words, quoted: escaped, line breaks kept. */
export function quoteHtml(text: string): string {
  return (
    `<div class="quote" style="margin: 6px 0 16px; padding: 8px 12px; background: #f6f8fa; ` +
    `border-left: 3px solid #8c959f; white-space: pre-wrap; word-break: break-word; line-height: 1.5;">` +
    `${escapeHtml(text)}</div>`
  );
}

/**
 * The whole HTML document around `body` (already-safe HTML built from the helpers above).
 * `footer` is escaped text; `footerLinks` are escaped label/href pairs.
 */
export function layoutHtml(input: {
  site: Site;
  title: string;
  /** One line that mail clients show beside the subject. */
  preheader: string;
  body: string;
  footer: string;
  footerLinks?: { label: string; href: string }[];
}): string {
  const links = (input.footerLinks ?? [])
    .map((l) => `<a href="${escapeHtml(l.href)}" style="color: #0b57a4;">${escapeHtml(l.label)}</a>`)
    .join(" · ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body class="bg" style="margin: 0; padding: 0; background: #f3f4f6; color: #1f2328; ${FONT}">
<div style="display: none; max-height: 0; overflow: hidden;">${escapeHtml(input.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="bg" style="background: #f3f4f6;">
<tr><td align="center" style="padding: 24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="card" style="max-width: 560px; background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px;">
<tr><td style="padding: 24px; ${FONT} font-size: 16px;">
<p class="muted" style="margin: 0 0 16px; font-size: 14px; font-weight: 600; color: #57606a;"><a href="${escapeHtml(input.site.url)}" style="color: inherit; text-decoration: none;">${escapeHtml(input.site.name)}</a></p>
<h1 class="fg" style="margin: 0 0 16px; font-size: 20px; line-height: 1.3; color: #1f2328;">${escapeHtml(input.title)}</h1>
${input.body}
</td></tr>
</table>
<p class="muted" style="max-width: 560px; margin: 16px auto 0; font-size: 12px; line-height: 1.5; color: #57606a; ${FONT}">${escapeHtml(input.footer)}${links ? `<br>${links}` : ""}</p>
</td></tr>
</table>
</body>
</html>`;
}

/** The plain-text body: paragraphs, then a footer under a rule. */
export function layoutText(paragraphs: string[], footer: string[]): string {
  return `${paragraphs.join("\n\n")}\n\n-- \n${footer.join("\n")}\n`;
}
