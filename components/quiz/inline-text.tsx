import { Fragment, type ReactNode } from "react";

/** Renders the inline Markdown a quiz prompt may use: `code` and **bold**. Text only, no HTML. */
export function InlineText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      m[1] !== undefined ? <code key={m.index}>{m[1]}</code> : <strong key={m.index}>{m[2]}</strong>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts.map((p, i) => (typeof p === "string" ? <Fragment key={`t${i}`}>{p}</Fragment> : p))}</>;
}

/** The smallest view of a DOM node that inlineSource reads. */
export type InlineNode = {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
};

/**
 * The text InlineText rendered `nodes` from (the child nodes of the element it rendered into):
 * text as it is, `<code>` back in backticks, `<strong>` back in double asterisks. Comments (React's
 * separators between text nodes) are skipped.
 */
export function inlineSource(nodes: Iterable<InlineNode>): string {
  let text = "";
  for (const node of nodes) {
    if (node.nodeType === 3) text += node.nodeValue ?? "";
    else if (node.nodeName === "CODE") text += `\`${node.textContent ?? ""}\``;
    else if (node.nodeName === "STRONG") text += `**${node.textContent ?? ""}**`;
  }
  return text;
}
