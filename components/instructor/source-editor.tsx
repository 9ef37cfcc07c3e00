"use client";

import { type Ref, useImperativeHandle, useMemo, useRef } from "react";
import { offsetOf } from "@/lib/instructor/text-position";

/** What the preview can ask of the editor. */
export type SourceEditorHandle = {
  /** Puts the cursor at a 1-based line and column, scrolls it into view and focuses the editor. */
  moveTo: (line: number, column: number) => void;
};

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Lines with an error, marked in the gutter. */
  errorLines: Set<number>;
  describedBy?: string;
  ref?: Ref<SourceEditorHandle>;
};

/**
 * A plain textarea with a line-number gutter kept in step with its scrolling: light enough
 * for a 200 KB lesson, and the browser's own editing, undo and accessibility.
 */
export function SourceEditor({ id, value, onChange, errorLines, describedBy, ref }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => {
    let n = 1;
    for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) n++;
    return n;
  }, [value]);

  useImperativeHandle(ref, () => ({
    moveTo(line, column) {
      const el = area.current;
      if (!el) return;
      const offset = offsetOf(el.value, line, column);
      el.focus({ preventScroll: true });
      el.setSelectionRange(offset, offset);
      const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 24;
      el.scrollTop = Math.max(0, (line - 1) * lineHeight - el.clientHeight / 3);
      if (gutter.current) gutter.current.scrollTop = el.scrollTop;
    },
  }));

  const numbers = useMemo(() => {
    const out = [];
    for (let n = 1; n <= lineCount; n++) {
      const bad = errorLines.has(n);
      out.push(
        <span key={n} className={bad ? "font-bold text-red-700 dark:text-red-300" : undefined}>
          {bad ? `● ${n}` : n}
          {"\n"}
        </span>,
      );
    }
    return out;
  }, [lineCount, errorLines]);

  return (
    <div className="flex h-[70vh] min-h-80 overflow-hidden rounded-lg border border-[var(--border)] bg-[var(--code-bg)] focus-within:ring-2 focus-within:ring-brand-500">
      <div
        ref={gutter}
        aria-hidden="true"
        className="w-14 shrink-0 overflow-hidden border-r border-[var(--border)] bg-[var(--bg-soft)] py-2 pr-2 text-right font-mono text-sm leading-6 whitespace-pre text-[var(--fg-muted)] select-none"
      >
        {numbers}
        <span className="block h-8" />
      </div>
      <textarea
        ref={area}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        aria-describedby={describedBy}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        className="min-w-0 flex-1 resize-none bg-transparent px-3 py-2 font-mono text-sm leading-6 text-[var(--fg)] outline-none"
      />
    </div>
  );
}
