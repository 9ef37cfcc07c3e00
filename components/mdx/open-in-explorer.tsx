/**
 * A Dockerfile block's "Open in stage explorer" button, as HTML only and not shown: a stage
 * explorer on the page shows every one and answers their clicks
 * (components/docker/explorer-bridge.ts), so pages without one (and readers without JavaScript)
 * never see it, and the buttons need no React in the browser.
 */
export function OpenInExplorer({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="code-block-button code-block-explorer"
      data-open-in-explorer={label}
      aria-label={`Open in stage explorer: ${label}`}
    >
      <svg
        width="14"
        height="14"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <rect x="3" y="3" width="7" height="5" rx="1" />
        <rect x="14" y="16" width="7" height="5" rx="1" />
        <path d="M6.5 8v5.5h11V16" />
      </svg>
      <span className="hidden sm:inline">Open in stage explorer</span>
      <span className="sm:hidden">Explorer</span>
    </button>
  );
}
