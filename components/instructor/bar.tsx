import type { ReactNode } from "react";

type Props = {
  label: ReactNode;
  /** The bar's length; null draws an empty track (no data). */
  value: number | null;
  max?: number;
  /** The figure printed beside the bar: numbers are always in text, never in colour alone. */
  text: string;
  tone?: "brand" | "muted" | "warn";
};

const TONES = {
  brand: "bg-brand-600 dark:bg-brand-400",
  muted: "bg-slate-500 dark:bg-slate-400",
  warn: "bg-amber-600 dark:bg-amber-400",
} as const;

/** One horizontal bar with its label and its value in words. */
export function Bar({ label, value, max = 100, text, tone = "brand" }: Props) {
  const width = value === null || max <= 0 ? 0 : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <div className="grid grid-cols-[minmax(8rem,14rem)_minmax(4rem,1fr)_auto] items-center gap-3 text-sm">
      <span className="min-w-0">{label}</span>
      <span
        className="h-3 overflow-hidden rounded-sm bg-[var(--bg-soft)] ring-1 ring-[var(--border)]"
        aria-hidden="true"
      >
        <span className={`block h-full ${TONES[tone]}`} style={{ width: `${width}%` }} />
      </span>
      <span className="tabular-nums" data-figure="">
        {text}
      </span>
    </div>
  );
}

/** "42.5%" or "—" when there is no data. */
export function pct(value: number | null): string {
  return value === null ? "—" : `${value}%`;
}
