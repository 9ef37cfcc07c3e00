// What may go into a mail from outside (display names, comment texts, lesson titles): made
// safe for a header, for plain text and for HTML. Pure functions, property-tested.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML text or attribute value: nothing in it can open a tag, an entity or leave a quote. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates (which can make a name read as something else).
const CONTROLS = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const CONTROLS_BUT_NEWLINE = /(?!\n)[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Cuts text to `max` characters (code points, never half a pair), marking the cut with "…". */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * One line for a header (Subject) or a name inside one: no line breaks or other controls (so no
 * header can be injected), whitespace collapsed, at most `max` characters.
 */
export function headerText(value: string, max = 150): string {
  return clip(value.replace(CONTROLS, " ").replace(/\s+/g, " ").trim(), max);
}

/** A multi-line text for a mail body: line breaks kept (as \n), other controls removed. */
export function bodyText(value: string, max = 600): string {
  const text = value
    .replace(/\r\n?/g, "\n")
    .replace(CONTROLS_BUT_NEWLINE, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return clip(text, max);
}
