"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ServerDraft } from "@/lib/exercises/draft-sync";

const OTHER =
  "max-h-64 overflow-auto rounded-md border border-[var(--border)] bg-[var(--code-bg)] p-3 font-mono text-sm text-[var(--fg)]";

type Props = {
  /**
   * "device": another tab or device saved `other` since this editor's text was. "sign-in": `other`
   * is the older of two different drafts that met when the learner signed in.
   */
  kind: "device" | "sign-in";
  other: ServerDraft;
  id: string;
  onKeepMine: () => void;
  onTakeOther: () => void;
};

/**
 * Another tab or device saved a draft of this exercise since the editor's text was based on the
 * server's, or signing in brought two drafts together: both are shown, and nothing is saved over
 * either until the learner chooses (they may copy lines from the other version into theirs first).
 */
export function DraftConflict({ kind, other, id, onKeepMine, onTakeOther }: Props) {
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
      {kind === "device" ? (
        <p>
          This draft was also changed in another tab or device{at ? ` (saved ${at})` : ""}. Your version stays
          in the editor above and in this browser; the other is below. Choose which to keep.
        </p>
      ) : (
        <p>
          Signing in brought two different drafts of this exercise together: one from before you signed in and
          one already in your account. The editor above holds one; the older is below, kept so that neither is
          lost. Choose which to keep.
        </p>
      )}
      <section aria-labelledby={`${id}-title`} className="mt-3">
        <h4 id={`${id}-title`} className="mb-1 text-sm font-semibold">
          {kind === "device" ? "The other version" : "The older draft"}
        </h4>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable) */}
        <pre tabIndex={0} className={OTHER}>
          {other.source}
        </pre>
      </section>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="button" onClick={onKeepMine}>
          {kind === "device" ? "Keep my version" : "Keep the draft in the editor"}
        </Button>
        <Button type="button" variant="secondary" onClick={onTakeOther}>
          {kind === "device" ? "Use the other version" : "Use the older draft"}
        </Button>
      </div>
    </div>
  );
}
