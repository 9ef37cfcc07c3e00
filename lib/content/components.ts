/**
 * The components an MDX author may use, with the attributes each accepts. The compile
 * pipeline rejects anything else, and components/mdx maps exactly these names.
 */
export type AttributeSpec = { required?: boolean; values?: readonly string[] };

export const AUTHOR_COMPONENTS = {
  Callout: { type: { values: ["note", "tip", "warning"] }, title: {} },
  Figure: { src: { required: true }, alt: { required: true }, caption: {}, width: {}, height: {} },
  Tabs: {},
  Tab: { label: { required: true } },
  Compare: { left: { required: true }, right: { required: true } },
  SizeCalculator: { stack: { values: ["node", "spring-boot", "go"] } },
  StageExplorer: {},
  LayerCache: { left: { required: true }, right: { required: true }, change: {} },
} as const satisfies Record<string, Record<string, AttributeSpec>>;

export type AuthorComponent = keyof typeof AUTHOR_COMPONENTS;

/** Inline HTML elements allowed in lessons (everything else is Markdown or a component). */
export const AUTHOR_HTML = new Set(["kbd", "abbr", "sub", "sup", "br"]);

/** Components the pipeline itself emits (never written by authors). */
export const PIPELINE_COMPONENTS = ["CodeBlock", "Quiz"] as const;
