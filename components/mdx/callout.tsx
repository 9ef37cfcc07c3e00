import type { ReactNode } from "react";

const STYLES = {
  note: {
    label: "Note",
    box: "border-sky-600/40 bg-sky-50 dark:bg-sky-950/40",
    title: "text-sky-900 dark:text-sky-200",
  },
  tip: {
    label: "Tip",
    box: "border-emerald-600/40 bg-emerald-50 dark:bg-emerald-950/40",
    title: "text-emerald-900 dark:text-emerald-200",
  },
  warning: {
    label: "Warning",
    box: "border-amber-600/50 bg-amber-50 dark:bg-amber-950/40",
    title: "text-amber-900 dark:text-amber-200",
  },
} as const;

const ICONS = {
  note: "M12 8h.01M11 12h1v4h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
  tip: "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4.9 1 .9 1.6V16h5.2v-.5c0-.6.3-1.2.9-1.6A6 6 0 0 0 12 3z",
  warning: "M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z",
} as const;

/** A note, tip or warning set apart from the text; the kind is in words, not colour alone. */
export function Callout({
  type = "note",
  title,
  children,
}: {
  type?: keyof typeof STYLES;
  title?: string;
  children?: ReactNode;
}) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <aside
      className={`callout not-prose my-6 rounded-lg border-l-4 px-4 py-3 ${style.box}`}
      aria-label={style.label}
    >
      <p className={`flex items-center gap-2 font-semibold ${style.title}`}>
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d={ICONS[type] ?? ICONS.note} />
        </svg>
        <span>
          {style.label}
          {title ? `: ${title}` : null}
        </span>
      </p>
      <div className="callout-body mt-1">{children}</div>
    </aside>
  );
}
