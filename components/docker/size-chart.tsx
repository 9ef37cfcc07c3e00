export interface ChartBar {
  id: string;
  label: string;
  mb: number;
  /** The size as shown, e.g. "~80 MB". */
  display: string;
  build: "single-stage" | "multi-stage";
  estimate?: boolean;
  /** Marks the two bars being compared. */
  mark?: "before" | "after";
}

const FILL: Record<ChartBar["build"], string> = {
  "single-stage": "bg-slate-300 dark:bg-slate-600",
  "multi-stage": "bg-brand-300 dark:bg-brand-700",
};
// Stripes of the multi-stage colour: an estimate reads as "not a measured size" without colour alone.
const ESTIMATE =
  "border border-dashed border-brand-700 bg-[repeating-linear-gradient(45deg,var(--color-brand-300)_0_4px,transparent_4px_8px)] dark:border-brand-300 dark:bg-[repeating-linear-gradient(45deg,var(--color-brand-700)_0_4px,transparent_4px_8px)]";

/**
 * Horizontal bars across the card, one per image, each with its name and size written on it.
 * The bars are one image with a text summary; the same numbers are in a table one click away.
 */
export function SizeChart({ bars, summary }: { bars: readonly ChartBar[]; summary: string }) {
  const max = Math.max(...bars.map((b) => b.mb), 0);
  return (
    <figure className="grid gap-2">
      <div role="img" aria-label={summary} className="grid gap-1.5">
        {bars.map((bar) => {
          const width = bar.mb > 0 && max > 0 ? Math.max((bar.mb / max) * 100, 0.75) : 0;
          return (
            <div
              key={bar.id}
              data-bar={bar.id}
              className={`relative overflow-hidden rounded-md bg-[var(--bg-soft)] ${bar.mark ? "ring-2 ring-[var(--fg)]" : ""}`}
            >
              <div
                data-bar-fill=""
                className={`absolute inset-y-0 left-0 rounded-md ${bar.estimate ? ESTIMATE : FILL[bar.build]}`}
                style={{ width: `${width}%` }}
              />
              <div className="relative flex min-h-9 flex-wrap items-center justify-between gap-x-3 px-2.5 py-1 text-sm">
                <span className="min-w-0">
                  {bar.label}
                  {bar.mark ? (
                    <span className="ml-2 rounded bg-[var(--bg)] px-1.5 py-0.5 text-xs font-semibold">
                      {bar.mark}
                    </span>
                  ) : null}
                </span>
                <span className="font-semibold whitespace-nowrap tabular-nums">
                  {bar.display}
                  {bar.estimate ? " (estimate)" : ""}
                </span>
              </div>
            </div>
          );
        })}
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-[var(--fg-muted)]">
        <LegendSwatch className={FILL["single-stage"]} text="single-stage" />
        <LegendSwatch className={FILL["multi-stage"]} text="multi-stage" />
        {bars.some((b) => b.estimate) ? (
          <LegendSwatch className={ESTIMATE} text="estimate (striped)" />
        ) : null}
        {bars.some((b) => b.mark) ? <span>Outlined: the two images compared below.</span> : null}
      </figcaption>
    </figure>
  );
}

function LegendSwatch({ className, text }: { className: string; text: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block h-3 w-5 rounded-sm ${className}`} />
      {text}
    </span>
  );
}
