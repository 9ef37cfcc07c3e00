"use client";

import type { Ref } from "react";
import type { Diagnostic } from "@/lib/content/diagnostics";

type Props = {
  id: string;
  diagnostics: Diagnostic[];
  onPick: (d: Diagnostic) => void;
  ref?: Ref<HTMLElement>;
};

/** The compile's problems in source order; each one moves the editor's cursor to its place. */
export function DiagnosticsList({ id, diagnostics, onPick, ref }: Props) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return (
    <section
      ref={ref}
      id={id}
      aria-labelledby={`${id}-title`}
      className="flex min-h-0 flex-1 scroll-mt-24 flex-col"
    >
      <h2 id={`${id}-title`} className="shrink-0 text-base font-semibold">
        {diagnostics.length === 0
          ? "No problems"
          : [
              errors ? `${errors} ${errors === 1 ? "error" : "errors"}` : null,
              warnings ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : null,
            ]
              .filter(Boolean)
              .join(", ")}
      </h2>
      {diagnostics.length > 0 ? (
        // Scrolls inside the fixed-height region the workbench gives it.
        <ul
          className="mt-2 grid min-h-0 flex-1 list-none content-start gap-1 overflow-y-auto pl-0"
          data-diagnostics=""
        >
          {diagnostics.map((d, i) => (
            <li key={`${d.line}:${d.column}:${d.rule}:${i}`}>
              <button
                type="button"
                onClick={() => onPick(d)}
                data-line={d.line}
                data-column={d.column}
                className="w-full rounded-md border border-[var(--border)] px-3 py-2 text-left text-sm hover:bg-[var(--bg-soft)]"
              >
                <span
                  className={`font-semibold ${d.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}`}
                >
                  {d.severity === "error" ? "Error" : "Warning"}
                </span>{" "}
                <span className="font-mono">
                  line {d.line}, column {d.column}
                </span>
                : {d.message} <span className="text-[var(--fg-muted)]">[{d.rule}]</span>
                {d.hint ? <span className="block text-[var(--fg-muted)]">→ {d.hint}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
