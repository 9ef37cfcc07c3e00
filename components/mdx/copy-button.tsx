/**
 * A code block's Copy button, as HTML only: every one on a page is served by one click listener
 * (./copy-listener.tsx, <CopyButtons>), so no code block needs React in the browser. Its icon is
 * drawn by CSS (`.code-block-copy` in app/lesson.css: one image for all 30 of a long lesson's
 * buttons, and a check mark while `data-copied`). Hidden without JavaScript.
 */
export function CopyButton({ label }: { label: string }) {
  return (
    <>
      <button type="button" className="code-block-copy" data-copy-code="" aria-label={`Copy ${label}`}>
        <span>Copy</span>
      </button>
      <span role="status" className="sr-only" />
    </>
  );
}
