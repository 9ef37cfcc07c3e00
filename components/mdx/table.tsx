import type { ComponentProps } from "react";

/** GFM tables scroll inside a focusable wrapper so a phone's page never scrolls sideways. */
export function Table(props: ComponentProps<"table">) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled, focusable scroll container, not a page section
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table {...props} />
    </div>
  );
}
