import { useId } from "react";

export interface ChartBar {
  id: string;
  label: string;
  mb: number;
  /** The size as shown, e.g. "~80 MB". */
  display: string;
  build: "single-stage" | "multi-stage";
  estimate?: boolean;
  /** Marks the two bars being compared. */
  mark?: "from" | "to";
}

const ROW = 46;
/** The longest bar takes this share of the width, leaving room for its value after it. */
const MAX_BAR = 58;

/**
 * Horizontal bars, one per image. Widths are percentages of the chart, so the text keeps its
 * size on a phone instead of shrinking with a scaled viewBox. The bars are an image with a text
 * summary; the same numbers are in the table next to it.
 */
export function SizeChart({ bars, summary }: { bars: readonly ChartBar[]; summary: string }) {
  // useId can contain characters that break url(#…) references.
  const hatch = `hatch-${useId().replace(/[^\w-]/g, "")}`;
  const max = Math.max(...bars.map((b) => b.mb), 0);
  return (
    <figure className="grid gap-2">
      <svg
        role="img"
        aria-label={summary}
        width="100%"
        height={bars.length * ROW}
        className="block font-sans"
      >
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line
              x1="1"
              y1="0"
              x2="1"
              y2="6"
              strokeWidth="2.5"
              className="stroke-brand-600 dark:stroke-brand-400"
            />
          </pattern>
        </defs>
        {bars.map((bar, i) => {
          const y = i * ROW;
          const width = bar.mb > 0 ? Math.max(max > 0 ? (bar.mb / max) * MAX_BAR : 0, 0.5) : 0;
          const solid =
            bar.build === "single-stage"
              ? "fill-slate-500 dark:fill-slate-400"
              : "fill-brand-600 dark:fill-brand-400";
          const outline = bar.mark
            ? "stroke-[var(--fg)]"
            : bar.estimate
              ? "stroke-brand-700 dark:stroke-brand-300"
              : "stroke-none";
          return (
            <g key={bar.id} data-bar={bar.id}>
              <text
                x="0"
                y={y + 14}
                className={`fill-[var(--fg)] text-[12px] ${bar.mark ? "font-semibold" : ""}`}
              >
                {bar.label}
              </text>
              <rect
                x="1"
                y={y + 20}
                width={`${width}%`}
                height="16"
                rx="2"
                fill={bar.estimate ? `url(#${hatch})` : undefined}
                className={`${bar.estimate ? "" : solid} ${outline}`}
                strokeWidth={bar.mark ? 2 : 1.5}
                strokeDasharray={bar.estimate ? "4 2" : undefined}
              />
              <text x={`${width}%`} dx="8" y={y + 32} className="fill-[var(--fg)] text-[12px] tabular-nums">
                {bar.display}
                {bar.estimate ? " (estimate)" : ""}
                {bar.mark ? ` · ${bar.mark}` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-[var(--fg-muted)]">
        <LegendSwatch className="bg-slate-500 dark:bg-slate-400" text="single-stage" />
        <LegendSwatch className="bg-brand-600 dark:bg-brand-400" text="multi-stage" />
        <LegendSwatch
          className="border border-dashed border-brand-700 bg-[repeating-linear-gradient(45deg,var(--color-brand-600)_0_2px,transparent_2px_5px)] dark:border-brand-300"
          text="estimate (hatched)"
        />
        {bars.some((b) => b.mark) ? (
          <span>Outlined bars marked “from” and “to” are the two compared.</span>
        ) : null}
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
