"use client";

import { type ReactNode, type Ref, useCallback, useEffect, useRef, useState } from "react";
import type { Diagnostic } from "@/lib/content/diagnostics";

type Props = {
  id: string;
  diagnostics: Diagnostic[];
  onPick: (d: Diagnostic) => void;
  /** Whether the region holds every problem (the author asked), instead of its fixed height. */
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  ref?: Ref<HTMLElement>;
};

/** How many problems are cut off above and below the list's visible part. */
type OutOfSight = { above: number; below: number };

/**
 * The compile's problems in source order; each one moves the editor's cursor to its place. The
 * list scrolls inside the fixed-height region the workbench gives it; when some problems are out
 * of sight it says how many and where, and the author may let the region grow to hold them all.
 */
export function DiagnosticsList({ id, diagnostics, onPick, expanded, onExpandedChange, ref }: Props) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const list = useRef<HTMLUListElement>(null);
  const [hidden, setHidden] = useState<OutOfSight>({ above: 0, below: 0 });
  const [overflows, setOverflows] = useState(false);

  const measure = useCallback(() => {
    const el = list.current;
    if (!el) return setHidden({ above: 0, below: 0 });
    const box = el.getBoundingClientRect();
    let above = 0;
    let below = 0;
    // A problem cut off at the bottom is one more below, unless it starts at the top (the one
    // being read, taller than the list); the same, turned over, above.
    for (const item of el.children) {
      const r = item.getBoundingClientRect();
      if (r.top > box.top + 1 && r.bottom > box.bottom + 1) below++;
      else if (r.bottom < box.bottom - 1 && r.top < box.top - 1) above++;
    }
    setHidden((h) => (h.above === above && h.below === below ? h : { above, below }));
    setOverflows(el.scrollHeight > el.clientHeight + 1);
  }, []);

  // Measured again when the problems change, the list is resized (the window, the region) or scrolled.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list of problems is laid out anew
  useEffect(() => {
    measure();
    const el = list.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure, diagnostics, expanded]);

  return (
    <section
      ref={ref}
      id={id}
      aria-labelledby={`${id}-title`}
      className="flex min-h-0 flex-1 scroll-mt-24 flex-col"
    >
      {/* The count and the way to see every problem stay in sight above the list. */}
      <div className="flex shrink-0 flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {diagnostics.length === 0
            ? "No problems"
            : [
                errors ? `${errors} ${errors === 1 ? "error" : "errors"}` : null,
                warnings ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : null,
              ]
                .filter(Boolean)
                .join(", ")}
        </h2>
        {diagnostics.length > 0 && (overflows || expanded) ? (
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={`${id}-list`}
            onClick={() => onExpandedChange(!expanded)}
            className="rounded px-1 text-sm font-medium text-[var(--link)] underline underline-offset-2"
          >
            {expanded
              ? "Show fewer"
              : diagnostics.length === 1
                ? "Show the problem in full"
                : `Show all ${diagnostics.length} problems`}
          </button>
        ) : null}
      </div>
      {diagnostics.length > 0 ? (
        <div className="relative mt-2 flex min-h-0 flex-1 flex-col">
          <ul
            ref={list}
            id={`${id}-list`}
            onScroll={measure}
            className="grid min-h-0 flex-1 list-none content-start gap-1 overflow-y-auto pl-0"
            data-diagnostics=""
          >
            {diagnostics.map((d, i) => (
              <li key={`${d.line}:${d.column}:${d.rule}:${i}`}>
                <button
                  type="button"
                  onClick={() => onPick(d)}
                  data-line={d.line}
                  data-column={d.column}
                  className="w-full rounded-md border border-[var(--border)] px-3 py-2 text-left text-sm [overflow-wrap:anywhere] hover:bg-[var(--bg-soft)]"
                >
                  <span
                    className={`font-semibold ${d.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}`}
                  >
                    {d.severity === "error" ? "Error" : "Warning"}
                  </span>{" "}
                  <span className="font-mono underline decoration-dotted underline-offset-2">
                    line {d.line}, column {d.column}
                  </span>
                  : {d.message} <span className="text-[var(--fg-muted)]">[{d.rule}]</span>
                  {d.hint ? <span className="block text-[var(--fg-muted)]">→ {d.hint}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          {/* Over the list's edges, so that saying so takes none of its height. */}
          {hidden.above > 0 ? <OutOfSightCue edge="top">{hidden.above} more above ↑</OutOfSightCue> : null}
          {hidden.below > 0 ? <OutOfSightCue edge="bottom">{hidden.below} more below ↓</OutOfSightCue> : null}
        </div>
      ) : null}
    </section>
  );
}

function OutOfSightCue({ edge, children }: { edge: "top" | "bottom"; children: ReactNode }) {
  return (
    <p
      className={`pointer-events-none absolute inset-x-0 flex justify-end px-2 text-xs font-medium ${
        edge === "top"
          ? "top-0 bg-gradient-to-b from-[var(--bg)] from-60% to-transparent pb-3"
          : "bottom-0 bg-gradient-to-t from-[var(--bg)] from-60% to-transparent pt-3"
      }`}
    >
      <span className="rounded bg-[var(--bg)] px-1">{children}</span>
    </p>
  );
}
