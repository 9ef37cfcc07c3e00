import type {
  AnyNode,
  CallExpression,
  Expression,
  FunctionDeclaration,
  Program,
  SpreadElement,
  Statement,
} from "acorn";
import { parse } from "acorn";

// Recognisers for the shapes the MDX compiler and esbuild emit: the module around a compiled
// lesson's content (mdx-bundler's IIFE, esbuild's helpers, the JSX runtime import, the exports,
// the frontmatter) and the pieces of the content function. compiled-to-tree.ts walks the content.

/**
 * The boilerplate statements of one compiler version, as canonical shapes: what esbuild and the
 * MDX compiler emit around the content of any lesson (helpers, the runtime import, exports).
 */
export type Boilerplate = ReadonlySet<string>;

/** The names the compiled code uses; fixed by the compiler, never by the author. */
export const RUNTIME = "import_jsx_dev_runtime";
export const JSX = "jsxDEV";
export const CONTENT_FUNCTION = "_createMdxContent";
export const COMPONENTS = "_components";
export const MISSING = "_missingMdxReference";
export const FRONTMATTER = "frontmatter";
/** mdx-bundler names each compile's entry file after a fresh UUID, in identifiers and strings. */
const ENTRY_NAME = /_?mdx_bundler_entry_point[-_][0-9a-f_-]{36}(?=_exports\b|\.mdx\b)/g;

/** Thrown when the compiled code is not in the accepted shape; the message says what it holds. */
export class Refused extends Error {}

export function parseProgram(code: string): Program {
  return parse(code, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true });
}

/**
 * A node as a canonical string: no positions, the per-compile entry-point name replaced. Two
 * statements with the same shape do the same thing.
 */
export function shapeOf(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => {
    if (key === "start" || key === "end" || key === "raw") return undefined;
    if (typeof value === "string") return value.replace(ENTRY_NAME, "ENTRY");
    return value;
  });
}

/** The statements inside mdx-bundler's `var Component = (() => { … })(); return Component;`. */
export function moduleBody(program: Program): Statement[] {
  const [declaration, ...rest] = program.body;
  const declarator = declaration?.type === "VariableDeclaration" ? declaration.declarations[0] : undefined;
  const call = declarator?.init;
  const wrapper =
    declaration?.type === "VariableDeclaration" &&
    declaration.declarations.length === 1 &&
    declarator?.id.type === "Identifier" &&
    declarator.id.name === "Component" &&
    call?.type === "CallExpression" &&
    call.arguments.length === 0 &&
    call.callee.type === "ArrowFunctionExpression" &&
    call.callee.params.length === 0 &&
    !call.callee.async &&
    call.callee.body.type === "BlockStatement"
      ? call.callee.body
      : null;
  const tail = rest.filter((s) => s.type !== "EmptyStatement");
  const returnsComponent =
    tail.length === 1 &&
    tail[0]!.type === "ReturnStatement" &&
    tail[0]!.argument?.type === "Identifier" &&
    tail[0]!.argument.name === "Component";
  if (!wrapper || !returnsComponent) throw new Refused("the compiled lesson is not mdx-bundler's module");
  return wrapper.body;
}

export const isContentFunction = (s: Statement): s is FunctionDeclaration =>
  s.type === "FunctionDeclaration" && s.id.name === CONTENT_FUNCTION;
export const isFrontmatter = (s: Statement) =>
  s.type === "VariableDeclaration" &&
  s.declarations.length === 1 &&
  s.declarations[0]!.id.type === "Identifier" &&
  s.declarations[0]!.id.name === FRONTMATTER;

/**
 * The boilerplate of compiled code known to be pure content (a fixed reference lesson compiled
 * by the same pipeline): every statement but the content function and the frontmatter.
 */
export function boilerplateOf(referenceCode: string): Boilerplate {
  const body = moduleBody(parseProgram(referenceCode));
  return new Set(body.filter((s) => !isContentFunction(s) && !isFrontmatter(s)).map(shapeOf));
}

/**
 * The text of a string literal, or of a template literal without substitutions (esbuild prints
 * strings holding quotes and line breaks that way): text, not code. Null for anything else.
 */
export function textOf(node: AnyNode | null | undefined): string | null {
  if (node?.type === "Literal") return typeof node.value === "string" ? node.value : null;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0 && node.quasis.length === 1)
    return node.quasis[0]!.value.cooked ?? null;
  return null;
}

/** Frontmatter is YAML turned into an object literal: literals, arrays and objects only. */
export function isLiteralData(node: Expression | SpreadElement | null): boolean {
  if (!node) return false;
  switch (node.type) {
    case "Literal":
      return !node.regex && node.bigint === undefined;
    case "TemplateLiteral":
      return textOf(node) !== null;
    case "ArrayExpression":
      return node.elements.every((e) => isLiteralData(e));
    case "ObjectExpression":
      return node.properties.every(
        (p) =>
          p.type === "Property" &&
          p.kind === "init" &&
          !p.computed &&
          !p.method &&
          !p.shorthand &&
          (p.key.type === "Literal" || p.key.type === "Identifier") &&
          isLiteralData(p.value as Expression),
      );
    case "UnaryExpression":
      return (
        node.operator === "-" && node.argument.type === "Literal" && typeof node.argument.value === "number"
      );
    default:
      return false;
  }
}

/**
 * What is wrong with the statements around the content function, or null: each must be the
 * boilerplate of this compiler version, or the frontmatter as plain data.
 */
export function moduleProblem(statements: Statement[], boilerplate: Boilerplate): string | null {
  for (const statement of statements) {
    if (isContentFunction(statement)) continue;
    if (isFrontmatter(statement)) {
      const init = statement.type === "VariableDeclaration" ? statement.declarations[0]!.init : null;
      if (!isLiteralData(init ?? null)) return "frontmatter that is not plain data";
    } else if (!boilerplate.has(shapeOf(statement))) {
      return `a statement the MDX compiler does not emit for content (${statement.type})`;
    }
  }
  return null;
}

export const isPropsComponents = (node: Expression) =>
  node.type === "MemberExpression" &&
  !node.computed &&
  node.object.type === "Identifier" &&
  node.object.name === "props" &&
  node.property.type === "Identifier" &&
  node.property.name === "components";

/** Where components are taken from: `_components`, or `props.components || {}` when no tag is used. */
export const isComponentSource = (node: Expression) =>
  (node.type === "Identifier" && node.name === COMPONENTS) ||
  (node.type === "LogicalExpression" &&
    node.operator === "||" &&
    isPropsComponents(node.left) &&
    node.right.type === "ObjectExpression" &&
    node.right.properties.length === 0);

/** `(0, import_jsx_dev_runtime.<name>)`: a member of the JSX runtime the compiler imports. */
export const isRuntimeMember = (node: AnyNode | null | undefined, name: string) =>
  node?.type === "MemberExpression" &&
  !node.computed &&
  node.object.type === "Identifier" &&
  node.object.name === RUNTIME &&
  node.property.type === "Identifier" &&
  node.property.name === name;

/** The arguments of `(0, import_jsx_dev_runtime.jsxDEV)(type, props, void 0, isStatic, source, this)`, or null. */
export function jsxCallArguments(node: AnyNode): CallExpression["arguments"] | null {
  if (node.type !== "CallExpression") return null;
  const { callee } = node;
  const [zero, member] = callee.type === "SequenceExpression" ? callee.expressions : [];
  const isRuntimeCall =
    callee.type === "SequenceExpression" &&
    callee.expressions.length === 2 &&
    zero?.type === "Literal" &&
    zero.value === 0 &&
    isRuntimeMember(member, JSX);
  return isRuntimeCall ? node.arguments : null;
}

/**
 * GFM's column alignment: `style: { textAlign: "right" }` on th/td, the only object the MDX
 * compiler emits as an attribute value. Its word, or null when the value is anything else.
 */
export function gfmAlignment(value: Expression): string | null {
  const [only] = value.type === "ObjectExpression" ? value.properties : [];
  if (
    value.type === "ObjectExpression" &&
    value.properties.length === 1 &&
    only?.type === "Property" &&
    !only.computed &&
    only.key.type === "Identifier" &&
    only.key.name === "textAlign" &&
    only.value.type === "Literal" &&
    typeof only.value.value === "string"
  )
    return only.value.value;
  return null;
}

/** A short name for what an author smuggled in, for the message. */
export function nameOf(node: AnyNode | null | undefined): string {
  if (!node) return "nothing";
  switch (node.type) {
    case "Identifier":
      return `the identifier ${node.name}`;
    case "CallExpression":
      return "a function call";
    case "MemberExpression":
      return "a property access";
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return "a function";
    case "TemplateLiteral":
      return "a template literal with substitutions";
    case "ObjectExpression":
      return "an object";
    case "ArrayExpression":
      return "an array";
    case "Literal":
      return "a non-text literal";
    default:
      return `an expression (${node.type})`;
  }
}
