import { attributesOf, type ElementOrigin, treeAttributes } from "./components";
import { unsafeUrlScheme } from "./urls";

/**
 * A compiled lesson: data, never code. Text nodes are strings; elements name a component or
 * an HTML tag from lib/content/components.ts and carry literal attribute values only. It is
 * JSON-serialisable, so it travels from the compiler thread, into caches and to client
 * components as it is, and components/mdx/render-lesson.tsx turns it into React elements.
 */
export type LessonTree = LessonNode[];
export type LessonNode = string | LessonElement;
export type LessonValue = string | number | boolean;
export type LessonElement = {
  /** A component (capitalised, e.g. "Callout") or an HTML tag (lowercase, e.g. "kbd"). */
  name: string;
  props?: Record<string, LessonValue>;
  children?: LessonNode[];
};

/**
 * The `<code>` HTML a highlighted block may carry: `<code>`, then spans with classes, data
 * attributes and aria-hidden (see lib/content/highlight.ts), and escaped text.
 */
const CODE_TAG = /<(\/?)([a-z]+)((?:\s+[a-z-]+(?:=(?:[^\s"'=<>`]+|"[^"]*"))?)*)\s*>/g;
const CODE_ATTRIBUTE = /\s+([a-z-]+)(?:=(?:[^\s"'=<>`]+|"[^"]*"))?/g;
const CODE_ATTRIBUTE_NAMES = new Set(["class", "data-highlighted", "data-diff", "data-kind", "aria-hidden"]);

function codeHtmlProblem(html: string): string | null {
  if (!html.startsWith("<code>") || !html.endsWith("</code>")) return "is not a highlighted <code> element";
  let foreign = false;
  const text = html.replace(CODE_TAG, (_tag, close: string, name: string, attributes: string) => {
    if ((name !== "code" && name !== "span") || (close && attributes)) foreign = true;
    for (const [, attribute] of attributes.matchAll(CODE_ATTRIBUTE))
      if (!CODE_ATTRIBUTE_NAMES.has(attribute!)) foreign = true;
    return "";
  });
  // Text is escaped: a "<" left over is markup the pattern did not accept.
  return foreign || text.includes("<") ? "holds HTML other than highlighted code" : null;
}

/** HTML elements that never have content (React refuses to render children in them). */
export const VOID_TAGS: ReadonlySet<string> = new Set(["br", "hr", "img", "input"]);

/** What is wrong with one attribute value, or null. */
function valueProblem(
  value: LessonValue,
  spec: { kind?: string; values?: readonly string[] },
): string | null {
  switch (spec.kind ?? "text") {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "must be a number";
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    default:
      break;
  }
  if (typeof value !== "string") return "must be text";
  if (spec.values && !spec.values.includes(value)) return `must be one of ${spec.values.join(", ")}`;
  if (spec.kind === "href" || spec.kind === "src") {
    const scheme = unsafeUrlScheme(value);
    if (scheme) return `uses the URL scheme ${scheme}, which lessons may not use`;
  }
  if (spec.kind === "code-html") return codeHtmlProblem(value);
  return null;
}

/**
 * Checks one element of a lesson tree against the lists of lib/content/components.ts: the
 * element must be listed (for its origin, when the compiler knows who wrote it), carry only its
 * listed attributes (all required ones), each a literal of the listed kind. Returns what is
 * wrong, or an empty list.
 */
export function elementProblems(element: LessonElement, origin?: ElementOrigin): string[] {
  const { name } = element;
  const label = !origin || origin === "component" ? `<${name}>` : `<${name}> (${origin.replace("-tag", "")})`;
  const specs = origin ? attributesOf(origin, name) : treeAttributes(name);
  if (!specs) return [`${label} may not appear in a lesson`];
  const problems: string[] = [];
  const props = element.props ?? {};
  for (const [attribute, value] of Object.entries(props)) {
    const spec = Object.hasOwn(specs, attribute) ? specs[attribute] : undefined;
    if (!spec) {
      problems.push(`${label} may not carry the attribute "${attribute}"`);
      continue;
    }
    const problem = valueProblem(value, spec);
    if (problem) problems.push(`${label} attribute "${attribute}" ${problem}`);
  }
  for (const [attribute, spec] of Object.entries(specs)) {
    if (spec.required && !Object.hasOwn(props, attribute))
      problems.push(`${label} needs the attribute "${attribute}"`);
  }
  if (VOID_TAGS.has(name) && element.children?.length)
    problems.push(`${label} is always empty; it cannot hold text or elements`);
  return problems;
}

/** Every element of a tree, depth first. */
export function* lessonElements(tree: readonly LessonNode[]): Generator<LessonElement> {
  for (const node of tree) {
    if (typeof node === "string") continue;
    yield node;
    if (node.children) yield* lessonElements(node.children);
  }
}
