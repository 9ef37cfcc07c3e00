import { Children, type ReactNode } from "react";

/** Two code blocks side by side on wide screens, stacked on a phone, each with a label. */
export function Compare({ left, right, children }: { left: string; right: string; children?: ReactNode }) {
  const blocks = Children.toArray(children).filter((c) => typeof c !== "string" || c.trim() !== "");
  return (
    <div className="compare my-6 grid gap-4 lg:grid-cols-2">
      {[left, right].map((label, i) => (
        <section key={label} aria-label={label} className="min-w-0">
          <p className="mb-1 text-sm font-semibold text-[var(--fg-muted)]">{label}</p>
          {blocks[i]}
        </section>
      ))}
    </div>
  );
}
