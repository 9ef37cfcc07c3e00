import { Children, type ReactNode } from "react";
import { LayerCacheCompare } from "./layer-cache-compare";

/**
 * `<LayerCache left="…" right="…" change="src/index.ts">` around two Dockerfile code blocks: the
 * blocks side by side (stacked on a phone), then, with JavaScript, one "what changed?" control and
 * for each block the steps BuildKit reuses and reruns. Without JavaScript the blocks read as usual.
 */
export function LayerCache({
  left,
  right,
  change,
  children,
}: {
  left: string;
  right: string;
  change?: string;
  children?: ReactNode;
}) {
  const blocks = Children.toArray(children).filter((c) => typeof c !== "string" || c.trim() !== "");
  return (
    <div className="layer-cache my-6 grid gap-4" data-layer-cache="">
      <div className="grid gap-4 lg:grid-cols-2">
        {[left, right].map((label, i) => (
          <section key={label} aria-label={label} className="min-w-0">
            <p className="mb-1 text-sm font-semibold text-[var(--fg-muted)]">{label}</p>
            {blocks[i]}
          </section>
        ))}
      </div>
      <LayerCacheCompare labels={[left, right]} change={change ?? "src/index.ts"} />
    </div>
  );
}
