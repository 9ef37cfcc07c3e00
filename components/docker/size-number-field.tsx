import { useId } from "react";

type Props = {
  label: string;
  unit: string;
  value: string;
  onChange: (value: string) => void;
  /** size-math's message for this field, shown next to it. */
  error?: string;
  hint?: string;
};

/** Reads a number field; empty or unreadable text is NaN so size-math reports it, never 0. */
export function parseField(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/**
 * A labelled number input that keeps what the learner typed and shows size-math's error beside
 * it. Place it in a grid: it takes three of the grid's rows.
 */
export function NumberField({ label, unit, value, onChange, error, hint }: Props) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    // Three rows of the parent grid (label, input, messages) as a subgrid: inputs side by side
    // start on one line even when one label wraps.
    <div className="row-span-3 grid grid-rows-subgrid content-start gap-y-1">
      <label htmlFor={id} className="self-end text-sm font-medium">
        {label} <span className="font-normal text-[var(--fg-muted)]">({unit})</span>
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`h-9 w-full min-w-0 rounded-md border bg-[var(--bg)] px-2 font-mono text-sm ${error ? "border-red-700 dark:border-red-400" : "border-[var(--border)]"}`}
      />
      <div>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-[var(--fg-muted)]">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
