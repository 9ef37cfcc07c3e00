"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ServerDraft } from "@/lib/exercises/draft-sync";

const OTHER =
  "max-h-64 overflow-auto rounded-md border border-[var(--border)] bg-[var(--code-bg)] p-3 font-mono text-sm text-[var(--fg)]";

type Props = {
  /** The draft another tab or device saved since this editor's text was. */
  other: ServerDraft;
  id: string;
  onKeepMine: () => void;
  onTakeOther: () => void;
};

/**
 * Another tab or device saved a draft of this exercise since the editor's text was based on the
 * server's: both are shown, and nothing is saved over either until the learner chooses (they may
 * copy lines from the other version into theirs first).
 */
export function DraftConflict({ other, id, onKeepMine, onTakeOther }: Props) {
  // The server's time, shown in the learner's own time zone once in the browser.
  const [at, setAt] = useState<string | null>(null);
  useEffect(
    () => setAt(new Date(other.savedAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })),
    [other.savedAt],
  );
  return (
    <div
      role="alert"
      className="mt-4 rounded-md border border-amber-700/50 bg-amber-50 px-3 py-3 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p>
        This draft was also changed in another tab or device{at ? ` (saved ${at})` : ""}. Your version stays
        in the editor above and in this browser; the other is below. Choose which to keep.
      </p>
      <section aria-labelledby={`${id}-title`} className="mt-3">
        <h4 id={`${id}-title`} className="mb-1 text-sm font-semibold">
          The other version
        </h4>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable) */}
        <pre tabIndex={0} className={OTHER}>
          {other.source}
        </pre>
      </section>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="button" onClick={onKeepMine}>
          Keep my version
        </Button>
        <Button type="button" variant="secondary" onClick={onTakeOther}>
          Use the other version
        </Button>
      </div>
    </div>
  );
}
