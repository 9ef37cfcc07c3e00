// Connects "Open in stage explorer" buttons in code block headers to the stage explorer on the
// same page. The explorer registers itself when it mounts, so the buttons appear only on pages
// that have one; a button hands over the block's text and the explorer opens over it and focuses.
// Deliberately tiny and React-free: every Dockerfile code block on every page ships this.

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
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

/** Makes `open` the explorer that buttons talk to; returns a function that unregisters it. */
export function registerStageExplorer(open: Handler): () => void {
  handler = open;
  emit();
  return () => {
    if (handler !== open) return;
    handler = null;
    emit();
  };
}

/** Subscribes to registration changes (for useSyncExternalStore). */
export function subscribeStageExplorer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a stage explorer is on the page right now. */
export function hasStageExplorer(): boolean {
  return handler !== null;
}

/** Sends a Dockerfile to the explorer; false when there is none on the page. */
export function openInStageExplorer(request: ExplorerRequest): boolean {
  if (!handler) return false;
  handler(request);
  return true;
}
