import type { ReactNode } from "react";

const TONES = {
  success:
    "border-emerald-700/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100",
  info: "border-[var(--border)] bg-[var(--bg-soft)] text-[var(--fg)]",
  warning: "border-amber-700/40 bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100",
} as const;

/** A boxed message: a confirmation (role status), a note, or something to act on. */
export function Notice({
  tone,
  children,
  id,
}: {
  tone: keyof typeof TONES;
  children: ReactNode;
  id?: string;
}) {
  return (
    <div
      id={id}
      role={tone === "success" ? "status" : undefined}
      className={`rounded-md border px-3 py-2 ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
