"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useLessonBodyVersion } from "@/components/lesson/body-ready";
import { wordsIn } from "@/lib/search/match";
import { HIGHLIGHT_PARAM, loadSectionSearch } from "./search-index";

const HIGHLIGHT = "search-match";

/** Ranges over the words of `root`'s text whose terms are in `terms`, a compound once. */
function rangesOf(root: Element, terms: Set<string>): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const words = wordsIn(node.data)
      .filter((w) => terms.has(w.term))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let covered = 0;
    for (const w of words) {
      if (w.start < covered) continue;
      const range = new Range();
      range.setStart(node, w.start);
      range.setEnd(node, w.end);
      ranges.push(range);
      covered = w.end;
    }
  }
  return ranges;
}

/**
 * On a lesson opened from search (?highlight=…), marks the words that matched in the lesson's
 * text with the CSS Custom Highlight API (the page's DOM is left alone) and says so in a
 * status with a way to clear them. Browsers without the API show the page as it is.
 */
export function SearchHighlights({ course, lesson }: { course: string; lesson: string }) {
  const query = useSearchParams().get(HIGHLIGHT_PARAM)?.trim() ?? "";
  const anchor = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  // The lesson's text may arrive after this mounted (a client-side navigation).
  const bodyVersion = useLessonBodyVersion();

  useEffect(() => {
    void bodyVersion;
    const scope = anchor.current?.closest("article");
    if (!query || !scope || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    let cancelled = false;
    loadSectionSearch()
      .then((search) => {
        if (cancelled) return;
        const hits = search(query, { limit: Number.POSITIVE_INFINITY, within: { course, lesson } });
        const ranges = rangesOf(scope, new Set(hits.flatMap((h) => h.terms)));
        CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
        setCount(ranges.length);
      })
      // Highlighting is a courtesy: without the index the lesson reads as usual.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      CSS.highlights.delete(HIGHLIGHT);
      setCount(0);
    };
  }, [query, course, lesson, bodyVersion]);

  const clear = () => {
    const url = new URL(window.location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    window.history.replaceState(window.history.state, "", url);
  };

  return (
    // The live region is always there (so the news is announced); it shows only with highlights.
    <div
      ref={anchor}
      role="status"
      className={
        count > 0
          ? "fixed inset-x-4 bottom-4 z-30 mx-auto flex max-w-md items-center gap-3 rounded-lg border border-[var(--border)] bg-[var(--bg)] px-4 py-2 text-sm shadow-lg"
          : "sr-only"
      }
    >
      {count > 0 ? (
        <>
          <span className="min-w-0 flex-1 break-words">
            {count} {count === 1 ? "match" : "matches"} for “{query}” highlighted
          </span>
          <button
            type="button"
            onClick={clear}
            className="shrink-0 rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-[var(--bg-soft)] dark:text-brand-300"
          >
            Clear
          </button>
        </>
      ) : null}
    </div>
  );
}
