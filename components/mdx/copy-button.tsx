export const ICON_COPY = "M8 8h11v13H8zM5 16H4V3h11v1";
export const ICON_COPIED = "M20 6 9 17l-5-5";

/**
 * A code block's Copy button, as HTML only: every one on a page is served by one click listener
 * (./copy-listener.tsx, <CopyButtons>), so no code block needs React in the browser. Hidden without JavaScript.
 */
export function CopyButton({ label }: { label: string }) {
  return (
    <>
      <button
        type="button"
        className="code-block-button noscript:hidden"
        data-copy-code=""
        aria-label={`Copy ${label}`}
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
          <path d={ICON_COPY} />
        </svg>
        <span>Copy</span>
      </button>
      <span role="status" className="sr-only" />
    </>
  );
}
