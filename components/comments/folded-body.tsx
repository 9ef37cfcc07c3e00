/** Longer than this (characters of Markdown, or lines) a comment is folded where it is reviewed. */
const FOLD_CHARACTERS = 600;
const FOLD_LINES = 10;

/** Whether a comment's text is long enough to fold. */
export function isLongComment(body: string): boolean {
  return body.length > FOLD_CHARACTERS || body.split("\n").length > FOLD_LINES;
}

/**
 * A stored comment's HTML (sanitized when it was written), folded to its first lines with a
 * "Show more" when it is long. The toggle is a checkbox styled by CSS (comments.css), so it
 * works without JavaScript.
 */
export function FoldedBody({ id, html, long }: { id: string; html: string; long: boolean }) {
  if (!long) return <div className="comment-body" dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div className="comment-fold">
      <div className="comment-body" id={`${id}-body`} dangerouslySetInnerHTML={{ __html: html }} />
      <label className="comment-fold-toggle">
        <input type="checkbox" className="sr-only" aria-controls={`${id}-body`} />
        <span className="comment-fold-more">Show more</span>
        <span className="comment-fold-less">Show less</span>
      </label>
    </div>
  );
}
