import type { ReactNode } from "react";
import { Island } from "@/components/islands/island";
import { Compare } from "@/components/mdx/compare";

/**
 * `<LayerCache left="…" right="…" change="src/index.ts">` around two Dockerfile code blocks: the
 * blocks side by side as in `<Compare>`, then, with JavaScript, one "what changed?" control and for
 * each block the steps BuildKit reuses and reruns. Without JavaScript the blocks read as usual.
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
  return (
    <div className="layer-cache my-6 grid gap-4" data-layer-cache="">
      <Compare left={left} right={right}>
        {children}
      </Compare>
      <Island name="layer-cache" props={{ labels: [left, right], change: change ?? "src/index.ts" }} />
    </div>
  );
}
