import { Children, type ReactNode } from "react";

/**
 * Two code blocks, each under its label: side by side where the column fits both (lesson.css,
 * a container query), stacked elsewhere. Prose names them by label, never by side (the
 * checker's compare-wording rule).
 */
export function Compare({ left, right, children }: { left: string; right: string; children?: ReactNode }) {
  const blocks = Children.toArray(children).filter((c) => typeof c !== "string" || c.trim() !== "");
  return (
    <div className="compare my-6">
      <div className="compare-grid">
        {[left, right].map((label, i) => (
          <section key={label} aria-label={label} className="min-w-0">
            <p className="text-sm font-semibold text-[var(--fg-muted)]">{label}</p>
            {blocks[i]}
          </section>
        ))}
      </div>
    </div>
  );
}
