import { type ComponentType, createElement, type ReactNode } from "react";
import { treeAttributes } from "@/lib/content/components";
import type { LessonNode, LessonTree, LessonValue } from "@/lib/content/lesson-tree";

/** The components a lesson tree's component elements and overridden tags render with. */
// biome-ignore lint/suspicious/noExplicitAny: each component takes its own props, checked by the tree's lists
export type LessonRenderMap = Readonly<Record<string, ComponentType<any>>>;

/** th/td alignment (GFM's :--:) as the style React expects; the tree holds only the word. */
function domProps(name: string, props: Readonly<Record<string, LessonValue>>): Record<string, unknown> {
  if ((name !== "th" && name !== "td") || !("align" in props)) return props;
  const { align, ...rest } = props;
  return { ...rest, style: { textAlign: align } };
}

function render(node: LessonNode, components: LessonRenderMap, key: number): ReactNode {
  if (typeof node === "string") return node;
  const { name, props = {}, children = [] } = node;
  // The compiler verified the tree; checking its names again costs little and means a tree from
  // anywhere else can only ever render listed elements with listed attributes.
  const allowed = treeAttributes(name);
  if (!allowed) return null;
  const safe: Record<string, LessonValue> = {};
  for (const [attribute, value] of Object.entries(props)) {
    const primitive = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    if (primitive && Object.hasOwn(allowed, attribute)) safe[attribute] = value;
  }
  const component = /^[A-Z]/.test(name);
  const type = Object.hasOwn(components, name) ? components[name]! : component ? null : name;
  if (!type) return null;
  const content = children.map((child, i) => render(child, components, i));
  return createElement(type, { key, ...domProps(name, safe) }, ...content);
}

/**
 * Renders a compiled lesson tree (lib/content/lesson-tree.ts) as React elements with
 * createElement: components from `components` (the lesson map of mdx-components.tsx), HTML
 * tags as themselves unless the map overrides them (tables, links). The one renderer of the
 * lesson page and the instructor preview; nothing is evaluated. Usable from server and client
 * components alike.
 */
export function renderLessonTree(tree: LessonTree, components: LessonRenderMap): ReactNode[] {
  return tree.map((node, i) => render(node, components, i));
}
