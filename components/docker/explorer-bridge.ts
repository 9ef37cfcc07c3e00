// Connects "Open in stage explorer" buttons in code block headers to the stage explorer on the
// same page. Every Dockerfile block's header holds the button as plain HTML, not shown
// (components/mdx/open-in-explorer.tsx); the explorer registers itself when it mounts, which
// shows every such button on the page (CSS, app/lesson.css: `html[data-stage-explorer]`) and
// listens for their clicks, one listener for all. A click hands over the block's text and the
// explorer opens over it and focuses. React-free: the buttons need no React of their own.

import { codeBlockText } from "@/components/mdx/code-text";

/** What a code block sends to the explorer. */
export interface ExplorerRequest {
  /** The Dockerfile as the copy button would copy it. */
  text: string;
  /** The block's title, e.g. "Dockerfile.multi". */
  title: string;
  /** The code block's figure element, so the explorer can match it with its example list. */
  source: Element | null;
  /** The button that asked, to return focus to when the explorer closes. */
  opener: HTMLElement | null;
}

type Handler = (request: ExplorerRequest) => void;

let handler: Handler | null = null;

function openFrom(event: MouseEvent) {
  const button = (event.target as Element | null)?.closest?.<HTMLElement>("button[data-open-in-explorer]");
  const figure = button?.closest("[data-code-block]");
  if (!button || !figure || !handler) return;
  handler({
    text: codeBlockText(figure),
    title: button.dataset.openInExplorer || "Dockerfile",
    source: figure,
    opener: button,
  });
}

/**
 * Makes `open` the explorer that the page's buttons talk to and shows them; returns a function
 * that unregisters it (and hides them again).
 */
export function registerStageExplorer(open: Handler): () => void {
  if (!handler) document.addEventListener("click", openFrom);
  handler = open;
  document.documentElement.dataset.stageExplorer = "";
  return () => {
    if (handler !== open) return;
    handler = null;
    document.removeEventListener("click", openFrom);
    delete document.documentElement.dataset.stageExplorer;
  };
}
