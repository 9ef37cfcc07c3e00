"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { SearchHit, SectionSearch } from "@/lib/search/match";
import { HIGHLIGHT_PARAM, loadSectionSearch } from "./search-index";

/** Where a hit leads: its section, carrying the query so the page can highlight it. */
function hrefOf(hit: SearchHit, query: string): string {
  const params = new URLSearchParams({ [HIGHLIGHT_PARAM]: query.trim() });
  return `/courses/${hit.course}/${hit.lesson}?${params}${hit.id ? `#${hit.id}` : ""}`;
}

/** Search across every lesson: opens from the header button, "/" or Ctrl/⌘+K. */
export function SearchDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<SectionSearch | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const router = useRouter();
  const listId = useId();

  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    inputRef.current?.select();
    loadSectionSearch()
      .then((s) => {
        setSearch(() => s);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((e.key === "k" && (e.metaKey || e.ctrlKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const hits = useMemo(() => (search ? search(query) : []), [search, query]);

  const go = (hit: SearchHit) => {
    dialogRef.current?.close();
    router.push(hrefOf(hit, query));
  };

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        onClick={open}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-[var(--border)] px-2.5 text-sm text-[var(--fg-muted)] noscript:hidden hover:text-[var(--fg)]"
        aria-keyshortcuts="/ Control+K Meta+K"
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <span className="hidden rounded border border-[var(--border)] px-1 font-mono text-xs sm:inline">
          /
        </span>
      </button>
      <dialog
        ref={dialogRef}
        aria-label="Search lessons"
        className="fixed inset-x-0 top-[10vh] mx-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-[var(--border)] bg-[var(--bg)] p-0 text-[var(--fg)] shadow-2xl backdrop:bg-black/40"
        onClick={(e) => e.target === dialogRef.current && dialogRef.current?.close()}
        // Focus goes back to the button that opens search, so "/" works again at once.
        onClose={() => triggerRef.current?.focus()}
        onKeyDown={(e) => {
          if (e.key === "Escape") dialogRef.current?.close();
        }}
      >
        <div className="flex items-center gap-2 border-b border-[var(--border)] px-4">
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
          <input
            ref={inputRef}
            type="search"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
            aria-autocomplete="list"
            aria-label="Search all lessons"
            placeholder="Search all lessons (e.g. COPY --from)"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setActive((a) => Math.min(a + 1, hits.length - 1));
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === "Enter" && hits[active]) {
                e.preventDefault();
                go(hits[active]);
              }
            }}
            className="h-12 flex-1 bg-transparent outline-none"
          />
        </div>
        <div className="max-h-[60vh] overflow-y-auto p-2">
          {failed ? (
            <p className="p-3 text-sm">Search could not load. Check your connection and try again.</p>
          ) : null}
          {!failed && search === null ? (
            <p className="p-3 text-sm text-[var(--fg-muted)]">Loading the index…</p>
          ) : null}
          {search && query.trim().length >= 2 && hits.length === 0 ? (
            <p className="p-3 text-sm text-[var(--fg-muted)]">No lesson mentions “{query.trim()}”.</p>
          ) : null}
          <div id={listId} role="listbox" aria-label="Results">
            {hits.map((hit, i) => (
              <div
                key={`${hit.lesson}#${hit.id}`}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                data-href={hrefOf(hit, query)}
                onClick={() => go(hit)}
                onKeyDown={(e) => e.key === "Enter" && go(hit)}
                onMouseMove={() => setActive(i)}
                className={`block cursor-pointer rounded-lg px-3 py-2 ${i === active ? "bg-brand-50 dark:bg-brand-700/25" : ""}`}
              >
                <span className="block text-xs text-[var(--fg-muted)]">
                  Part {hit.part}: {hit.title}
                </span>
                <span className="block font-medium text-[var(--fg)]">{hit.heading}</span>
                <span className="mt-0.5 block text-sm text-[var(--fg-muted)]">
                  {hit.snippet.before}
                  <mark className="rounded bg-yellow-200 px-0.5 text-black dark:bg-yellow-300">
                    {hit.snippet.match}
                  </mark>
                  {hit.snippet.after}
                </span>
              </div>
            ))}
          </div>
        </div>
      </dialog>
    </>
  );
}
