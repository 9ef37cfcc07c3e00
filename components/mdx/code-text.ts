// Reads a rendered code block back from the DOM. The copy button and the stage explorer both
// need exactly what the learner would copy, so they share this one reading of the Shiki lines.

/** What a line shows besides its code: a prompt, a diff's sign and its words for screen readers. */
const NOT_CODE = ["code-prompt", "diff-sign", "sr-only"];

/**
 * Text of a rendered code block as the copy button copies it: every line except output and
 * removed lines, without prompts or diff signs. Mirrors copyText() in lib/content/code-meta.ts.
 */
export function codeBlockText(figure: Element): string {
  const lines = [...figure.querySelectorAll<HTMLElement>("pre .line")];
  return lines
    .filter((line) => line.dataset.kind !== "output" && line.dataset.diff !== "del")
    .map((line) =>
      [...line.childNodes]
        .filter((n) => !(n instanceof HTMLElement && NOT_CODE.some((c) => n.classList.contains(c))))
        .map((n) => n.textContent ?? "")
        .join(""),
    )
    .join("\n");
}

/** The title shown in a code block's header (file name or language label). */
export function codeBlockTitle(figure: Element): string {
  return figure.querySelector(".code-block-title")?.textContent?.trim() || "Code";
}
