import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { type AttributeSpecs, AUTHOR_COMPONENTS, AUTHOR_TAGS, attributesOf } from "../components";
import { unsafeUrlScheme } from "../urls";
import { type Collector, type Located, startOf } from "./collector";

type Position = { start: { line: number; column: number } };
type JsxAttribute = { type: string; name?: string; value?: unknown; position?: Position };
type JsxNode = { type: string; name: string | null; attributes: JsxAttribute[]; position?: Position };
type EsTreeHolder = { data?: { estree?: { body?: unknown[] } } };

const AUTHOR_COMPONENT_NAMES = new Set<string>(AUTHOR_COMPONENTS);

/**
 * Keeps lessons content-only, the first of three layers (the compiled lesson is checked again
 * by lesson-tree.ts, and the renderer renders only listed elements): no imports, exports or
 * JavaScript expressions (comments are fine); every element, component or HTML tag, only from
 * lib/content/components.ts with its listed attributes, each a quoted string; links and images
 * without script URLs. Each problem is reported where it was written. Also gathers links and
 * images for the checker.
 */
export function remarkGuard(collector: Collector) {
  return () => (tree: Root) => {
    visit(tree, (node, index, parent) => {
      const at = startOf(node);
      const remove = () => {
        if (!parent || index === undefined) return;
        parent.children.splice(index, 1);
        return index;
      };
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
          return remove();
        case "mdxFlowExpression":
        case "mdxTextExpression": {
          const body = (node as EsTreeHolder).data?.estree?.body ?? [];
          if (body.length === 0) return;
          collector.error(
            at,
            "no-code",
            "JavaScript expressions are not allowed in lessons",
            "Only {/* comments */} may appear in braces; write `{` inside backticks to show a brace",
          );
          return remove();
        }
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement":
          checkElement(node as unknown as JsxNode, at, collector);
          return;
        case "link":
        case "definition": {
          const url = (node as { url: string }).url;
          if (at && addressIsSafe("links", "Link", url, at, collector) && node.type === "link")
            collector.links.push({ ...at, url });
          return;
        }
        case "image": {
          const src = (node as { url: string }).url;
          if (at && addressIsSafe("images", "Image", src, at, collector))
            collector.images.push({ ...at, src });
          return;
        }
      }
    });
  };
}

function addressIsSafe(rule: string, what: string, url: string, at: Located, collector: Collector): boolean {
  const scheme = unsafeUrlScheme(url);
  if (!scheme) return true;
  collector.error(
    at,
    rule,
    `${what} "${url}" uses the URL scheme ${scheme}; lessons may only use http:, https:, mailto: or a path`,
    "Link to a page (https://… or /courses/…); a lesson cannot run script",
  );
  return false;
}

function checkElement(node: JsxNode, at: Located | undefined, collector: Collector) {
  const name = node.name;
  if (!name) {
    collector.error(at, "components", "Fragments (<>…</>) are not allowed", "Remove the empty tags");
    return;
  }
  // Lowercase names are HTML tags in MDX; capitalised ones are components.
  const isTag = /^[a-z]/.test(name);
  const specs: AttributeSpecs | null =
    isTag || AUTHOR_COMPONENT_NAMES.has(name) ? attributesOf(isTag ? "author-tag" : "component", name) : null;
  if (!specs) {
    collector.error(
      at,
      "components",
      `Unknown ${isTag ? "tag" : "component"} <${name}>`,
      `Use one of ${AUTHOR_COMPONENTS.join(", ")}, the tags ${AUTHOR_TAGS.map((t) => `<${t}>`).join(", ")} (see content/AUTHORING.md), or Markdown`,
    );
    return;
  }
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    const where = startOf(attribute) ?? at;
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      collector.error(
        where,
        "no-code",
        `<${name}> cannot take {...spread} attributes`,
        'Write each attribute as name="value"',
      );
      continue;
    }
    const spec = Object.hasOwn(specs, attribute.name) ? specs[attribute.name] : undefined;
    if (!spec) {
      collector.error(
        where,
        "components",
        `<${name}> has no attribute "${attribute.name}"`,
        `Allowed: ${Object.keys(specs).join(", ") || "none"}`,
      );
      continue;
    }
    if (typeof attribute.value !== "string") {
      collector.error(
        where,
        "no-code",
        `<${name} ${attribute.name}> must be a quoted string`,
        `Write ${attribute.name}="…"`,
      );
      continue;
    }
    seen.add(attribute.name);
    if (spec.values && !spec.values.includes(attribute.value)) {
      collector.error(
        where,
        "components",
        `<${name} ${attribute.name}="${attribute.value}"> is not one of ${spec.values.join(", ")}`,
      );
    } else if (
      spec.kind === "src" &&
      where &&
      addressIsSafe("images", "Image", attribute.value, where, collector)
    ) {
      collector.images.push({ ...where, src: attribute.value });
    }
  }
  for (const [attrName, spec] of Object.entries(specs)) {
    if (spec.required && !seen.has(attrName)) {
      collector.error(at, "components", `<${name}> needs a ${attrName}="…" attribute`);
    }
  }
}
