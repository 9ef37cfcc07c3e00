/**
 * A Dockerfile block's "Open in stage explorer" button, as HTML only and not shown: a stage
 * explorer on the page shows every one and answers their clicks
 * (components/docker/explorer-bridge.ts), so pages without one (and readers without JavaScript)
 * never see it, and the buttons need no React in the browser. Its icon is drawn by CSS
 * (`.code-block-explorer` in app/lesson.css).
 */
export function OpenInExplorer({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="code-block-explorer"
      data-open-in-explorer={label}
      aria-label={`Open in stage explorer: ${label}`}
    >
      <span className="hidden sm:inline">Open in stage explorer</span>
      <span className="sm:hidden">Explorer</span>
    </button>
  );
}
