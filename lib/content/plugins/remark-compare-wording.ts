import type { Nodes, Root, RootContent } from "mdast";
import { type Collector, startOf } from "./collector";

/** Words that place a block on a side: true side by side, false once the blocks stack. */
const SIDES =
  /\b(?:on|to|at) the (?:left|right)\b|\b(?:left|right)-hand\b|\bthe (?:left|right) (?:one|version|block|file|side|column)\b/i;
/** How many blocks either side of a <Compare> its introduction and discussion may take. */
const NEAR = 2;

const textOf = (node: Nodes): string =>
  "value" in node && typeof node.value === "string"
    ? node.value
    : "children" in node
      ? (node.children as Nodes[]).map(textOf).join("")
      : "";

// The MDX node types are not in mdast's own union: read the two fields structurally.
const isCompare = (node: RootContent) => {
  const { type, name } = node as { type: string; name?: string | null };
  return type === "mdxJsxFlowElement" && name === "Compare";
};

/**
 * A <Compare> stacks its blocks on a phone and wherever they do not fit side by side, so prose
 * around it that says "on the left" is false there: a warning asks to name the blocks by their
 * labels instead.
 */
export function remarkCompareWording(collector: Collector) {
  return () => (tree: Root) => {
    const blocks = tree.children;
    const flagged = new Set<RootContent>();
    blocks.forEach((node, i) => {
      if (!isCompare(node)) return;
      for (const near of blocks.slice(Math.max(0, i - NEAR), i + NEAR + 1)) {
        if (near.type !== "paragraph" || flagged.has(near) || !SIDES.test(textOf(near))) continue;
        flagged.add(near);
        collector.warn(
          startOf(near),
          "compare-wording",
          `"${SIDES.exec(textOf(near))![0]}": the blocks of a <Compare> stack on narrow screens`,
          "Name each block by its label (the left and right attributes) instead of its side",
        );
      }
    });
  };
}
