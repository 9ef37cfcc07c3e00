import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { type AttributeSpec, AUTHOR_COMPONENTS, AUTHOR_HTML } from "../components";
import { type Collector, startOf } from "./collector";

type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxNode = { type: string; name: string | null; attributes: JsxAttribute[]; position?: never };
type EsTreeHolder = { data?: { estree?: { body?: unknown[] } } };

const COMPONENTS: Record<string, Record<string, AttributeSpec>> = AUTHOR_COMPONENTS;

/**
 * Keeps lessons content-only: no imports, exports or JavaScript expressions (comments are
 * fine), only the documented components with string attributes. Nothing an author writes
 * can run code on the server. Also gathers links and images for the checker.
 */
export function remarkGuard(collector: Collector) {
  return () => (tree: Root) => {
    visit(tree, (node, index, parent) => {
      const at = startOf(node);
      switch (node.type as string) {
        case "mdxjsEsm":
          // remark-mdx-frontmatter's generated export has no position; only authored code does.
          if (!at) return;
          collector.error(
            at,
            "no-code",
            "Imports and exports are not allowed in lessons",
            "Use the components listed in content/AUTHORING.md; they need no import",
          );
          if (parent && index !== undefined) {
            parent.children.splice(index, 1);
            return index;
          }
          return;
        case "mdxFlowExpression":
        case "mdxTextExpression": {
          const body = (node as EsTreeHolder).data?.estree?.body ?? [];
          if (body.length > 0) {
            collector.error(
              at,
              "no-code",
              "JavaScript expressions are not allowed in lessons",
              "Only {/* comments */} may appear in braces; write `{` inside backticks to show a brace",
            );
            if (parent && index !== undefined) {
              parent.children.splice(index, 1);
              return index;
            }
          }
          return;
        }
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement":
          checkElement(node as unknown as JsxNode, at, collector);
          return;
        case "link": {
          const url = (node as { url: string }).url;
          if (at) collector.links.push({ ...at, url });
          return;
        }
        case "image": {
          const src = (node as { url: string }).url;
          if (at) collector.images.push({ ...at, src });
          return;
        }
      }
    });
  };
}

function checkElement(node: JsxNode, at: { line: number; column: number } | undefined, collector: Collector) {
  const name = node.name;
  if (!name) {
    collector.error(at, "components", "Fragments (<>…</>) are not allowed", "Remove the empty tags");
    return;
  }
  const spec = COMPONENTS[name];
  if (!spec) {
    if (AUTHOR_HTML.has(name)) return;
    collector.error(
      at,
      "components",
      `Unknown component <${name}>`,
      `Use one of ${Object.keys(COMPONENTS).join(", ")} (see content/AUTHORING.md), or Markdown`,
    );
    return;
  }
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      collector.error(
        at,
        "no-code",
        `<${name}> cannot take {...spread} attributes`,
        'Write each attribute as name="value"',
      );
      continue;
    }
    const attr = spec[attribute.name];
    if (!attr) {
      collector.error(
        at,
        "components",
        `<${name}> has no attribute "${attribute.name}"`,
        `Allowed: ${Object.keys(spec).join(", ") || "none"}`,
      );
      continue;
    }
    if (typeof attribute.value !== "string") {
      collector.error(
        at,
        "no-code",
        `<${name} ${attribute.name}> must be a quoted string`,
        `Write ${attribute.name}="…"`,
      );
      continue;
    }
    if (attr.values && !attr.values.includes(attribute.value)) {
      collector.error(
        at,
        "components",
        `<${name} ${attribute.name}="${attribute.value}"> is not one of ${attr.values.join(", ")}`,
      );
    }
    seen.add(attribute.name);
    if (name === "Figure" && attribute.name === "src" && at)
      collector.images.push({ ...at, src: attribute.value });
  }
  for (const [attrName, attr] of Object.entries(spec)) {
    if (attr.required && !seen.has(attrName)) {
      collector.error(at, "components", `<${name}> needs a ${attrName}="…" attribute`);
    }
  }
}
