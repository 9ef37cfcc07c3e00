/**
 * Everything a lesson may hold besides text, with the attributes each element accepts: the
 * components (written by authors, or emitted by the pipeline itself) and the HTML elements
 * (written by authors, or produced from Markdown). One list: the guard holds authors to it
 * (plugins/remark-guard.ts), the compiled lesson is checked against it again (lesson-tree.ts),
 * the renderer renders nothing else, and components/mdx/mdx-components.tsx maps exactly these
 * component names (its type says so). Plain data, safe to import from client code.
 */

/** What an attribute's value may be. Every value in a lesson is a literal; none is code. */
export type AttributeKind =
  /** Text (the default). */
  | "text"
  /** A link target: http:, https:, mailto: or a path on this site; never javascript: or data:. */
  | "href"
  /** An image address: http:, https: or a path; never javascript: or data:. */
  | "src"
  | "number"
  | "boolean"
  /** The `<code>` HTML of a highlighted block, built by lib/content/highlight.ts. */
  | "code-html"
  /** A quiz's public view as JSON (questions and choices, never the answer key). */
  | "quiz"
  /** An exercise's public view as JSON (lib/exercises/public.ts: never checks, hints or the solution). */
  | "exercise";

export type AttributeSpec = {
  required?: boolean;
  /** The only values accepted. */
  values?: readonly string[];
  kind?: AttributeKind;
};

export type AttributeSpecs = Readonly<Record<string, AttributeSpec>>;

type ComponentSpec = {
  /** Who writes it: authors in MDX, or the pipeline (authors may not). */
  by: "author" | "pipeline";
  attributes: AttributeSpecs;
};

export const LESSON_COMPONENTS = {
  Callout: { by: "author", attributes: { type: { values: ["note", "tip", "warning"] }, title: {} } },
  Figure: {
    by: "author",
    attributes: {
      src: { required: true, kind: "src" },
      alt: { required: true },
      caption: {},
      width: {},
      height: {},
    },
  },
  Tabs: { by: "author", attributes: {} },
  Tab: { by: "author", attributes: { label: { required: true } } },
  Compare: { by: "author", attributes: { left: { required: true }, right: { required: true } } },
  SizeCalculator: { by: "author", attributes: { stack: { values: ["node", "spring-boot", "go"] } } },
  StageExplorer: { by: "author", attributes: {} },
  LayerCache: {
    by: "author",
    attributes: { left: { required: true }, right: { required: true }, change: {} },
  },
  // A highlighted fenced code block (plugins/rehype-code.ts).
  CodeBlock: {
    by: "pipeline",
    attributes: {
      lang: { required: true },
      label: { required: true },
      html: { required: true, kind: "code-html" },
      title: {},
      lineNumbers: { values: ["true"] },
      antipattern: { values: ["true"] },
    },
  },
  // A ```quiz block's public view (plugins/remark-quiz.ts); showTitle="false" under a heading
  // that already names the quiz, so the title is not said twice.
  Quiz: {
    by: "pipeline",
    attributes: { quiz: { required: true, kind: "quiz" }, showTitle: { values: ["false"] } },
  },
  // An ```exercise block (plugins/remark-exercise.ts): its public view, the starter and
  // .dockerignore highlighted like code blocks; its children are the task's Markdown.
  Exercise: {
    by: "pipeline",
    attributes: {
      exercise: { required: true, kind: "exercise" },
      starterHtml: { required: true, kind: "code-html" },
      dockerignoreHtml: { kind: "code-html" },
    },
  },
} as const satisfies Record<string, ComponentSpec>;

export type LessonComponentName = keyof typeof LESSON_COMPONENTS;

type TagSpec = {
  /** Attributes an author may write on the tag in MDX; absent: authors may not write the tag. */
  author?: AttributeSpecs;
  /** Attributes the tag carries when Markdown produces it; absent: Markdown never does. */
  markdown?: AttributeSpecs;
};

const none = {} as const;
const text = {} as const;
/** Ids Markdown gives headings, footnotes and their back links. */
const id = {} as const;

export const LESSON_TAGS = {
  // Inline HTML an author may write (everything else is Markdown or a component).
  kbd: { author: { title: text } },
  abbr: { author: { title: text } },
  sub: { author: none },
  sup: { author: none, markdown: none },
  br: { author: none, markdown: none },
  // What Markdown (with GitHub's extensions: tables, task lists, footnotes, strikethrough) produces.
  p: { markdown: none },
  strong: { markdown: none },
  em: { markdown: none },
  del: { markdown: none },
  code: { markdown: none },
  blockquote: { markdown: none },
  hr: { markdown: none },
  ul: { markdown: { className: { values: ["contains-task-list"] } } },
  ol: { markdown: { start: text, className: { values: ["contains-task-list"] } } },
  li: { markdown: { id, className: { values: ["task-list-item"] } } },
  input: {
    markdown: {
      type: { required: true, values: ["checkbox"] },
      checked: { kind: "boolean" },
      disabled: { kind: "boolean" },
    },
  },
  h2: { markdown: { id, className: { values: ["sr-only"] } } },
  h3: { markdown: { id } },
  h4: { markdown: { id } },
  h5: { markdown: { id } },
  h6: { markdown: { id } },
  a: {
    markdown: {
      href: { required: true, kind: "href" },
      title: text,
      id,
      className: { values: ["heading-anchor", "data-footnote-backref"] },
      "aria-label": text,
      "aria-describedby": { values: ["footnote-label"] },
      "data-footnote-ref": { kind: "boolean" },
      "data-footnote-backref": { values: [""] },
    },
  },
  img: { markdown: { src: { required: true, kind: "src" }, alt: text, title: text } },
  table: { markdown: none },
  thead: { markdown: none },
  tbody: { markdown: none },
  tr: { markdown: none },
  // A column's alignment (GFM's :--: syntax); the renderer turns it into text-align.
  th: { markdown: { align: { values: ["left", "center", "right"] } } },
  td: { markdown: { align: { values: ["left", "center", "right"] } } },
  section: { markdown: { className: { values: ["footnotes"] }, "data-footnotes": { kind: "boolean" } } },
} as const satisfies Record<string, TagSpec>;

export type LessonTag = keyof typeof LESSON_TAGS;

/** Where an element in a lesson came from, which decides the attributes it may carry. */
export type ElementOrigin = "component" | "author-tag" | "markdown-tag";

const componentSpecs: Readonly<Record<string, ComponentSpec>> = LESSON_COMPONENTS;
const tagSpecs: Readonly<Record<string, TagSpec>> = LESSON_TAGS;
const own = (record: object, key: string) => Object.hasOwn(record, key);

/** The attributes an element may carry, or null when no such element may appear in a lesson. */
export function attributesOf(origin: ElementOrigin, name: string): AttributeSpecs | null {
  if (origin === "component") return own(componentSpecs, name) ? componentSpecs[name]!.attributes : null;
  if (!own(tagSpecs, name)) return null;
  const spec = tagSpecs[name]!;
  return (origin === "author-tag" ? spec.author : spec.markdown) ?? null;
}

/**
 * The attributes an element of a compiled lesson tree may carry, whatever wrote it: a
 * capitalised name is a component, a lowercase one an HTML tag (what authors and Markdown may
 * put on it together). Null for an element no lesson may hold.
 */
export function treeAttributes(name: string): AttributeSpecs | null {
  if (/^[A-Z]/.test(name)) return attributesOf("component", name);
  if (!own(tagSpecs, name)) return null;
  const { author, markdown } = tagSpecs[name]!;
  return { ...author, ...markdown };
}

/** Components an author may write, by name. */
export const AUTHOR_COMPONENTS: readonly LessonComponentName[] = (
  Object.keys(LESSON_COMPONENTS) as LessonComponentName[]
).filter((name) => LESSON_COMPONENTS[name].by === "author");

/** HTML tags an author may write. */
export const AUTHOR_TAGS: readonly LessonTag[] = (Object.keys(LESSON_TAGS) as LessonTag[]).filter((tag) =>
  own(LESSON_TAGS[tag], "author"),
);

type ValueOf<S> = S extends { values: readonly (infer V)[] }
  ? V
  : S extends { kind: "number" }
    ? number
    : S extends { kind: "boolean" }
      ? boolean
      : string;
type Attrs<K extends LessonComponentName> = (typeof LESSON_COMPONENTS)[K]["attributes"];
type RequiredKeys<S> = { [A in keyof S]: S[A] extends { required: true } ? A : never }[keyof S];

/** The props a component receives from a lesson: its listed attributes (all text) and children. */
export type LessonComponentProps<K extends LessonComponentName> = {
  [A in RequiredKeys<Attrs<K>>]: ValueOf<Attrs<K>[A]>;
} & { [A in Exclude<keyof Attrs<K>, RequiredKeys<Attrs<K>>>]?: ValueOf<Attrs<K>[A]> } & {
  children?: unknown;
};
