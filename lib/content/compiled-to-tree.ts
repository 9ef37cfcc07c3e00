import type {
  AnyNode,
  CallExpression,
  Expression,
  FunctionDeclaration,
  Node,
  ObjectExpression,
  Statement,
} from "acorn";
import {
  type Boilerplate,
  COMPONENTS,
  gfmAlignment,
  isComponentSource,
  isContentFunction,
  isPropsComponents,
  isRuntimeMember,
  jsxCallArguments,
  MISSING,
  moduleBody,
  moduleProblem,
  nameOf,
  parseProgram,
  Refused,
  textOf,
} from "./compiled-shapes";
import type { ElementOrigin } from "./components";
import { elementProblems, type LessonElement, type LessonNode, type LessonValue } from "./lesson-tree";

// The second layer of "lessons are content, never code" (the first is plugins/remark-guard.ts):
// the code mdx-bundler compiled is parsed (never run) and accepted only in the shape the MDX
// compiler and esbuild emit for pure content; its JSX calls become a lesson tree (data). Anything
// else, an identifier, a call, a member access or an operator an author got past the guard, is
// refused, located at the element it sits in. See docs/decisions/ for why the output is checked
// as well as the input.

/** Where a refused construct sits in the lesson source (the nearest element that has a place). */
export type OutputProblem = { line: number; column: number; message: string };

type Place = { line: number; column: number };

/** Converts the content function's JSX calls into lesson nodes, refusing anything else. */
class Converter {
  readonly problems: OutputProblem[] = [];
  /** Markdown tags the content function declares (`_components.p` → "p"). */
  private readonly tags = new Set<string>();
  /** Components it takes from the component map (`const { Callout } = _components`). */
  private readonly components = new Set<string>();

  refuse(place: Place, message: string): never {
    this.problems.push({ ...place, message });
    throw new Refused(message);
  }

  /** `const _components = { p: "p", …, ...props.components }, { Callout } = _components;` */
  readDeclarations(statement: Statement, place: Place) {
    if (statement.type !== "VariableDeclaration" || statement.kind !== "const")
      this.refuse(place, `a ${statement.type} in the content function`);
    for (const declarator of statement.declarations) {
      const { id, init } = declarator;
      if (id.type === "Identifier" && id.name === COMPONENTS && init?.type === "ObjectExpression") {
        const last = init.properties.at(-1);
        const spreadsProps = last?.type === "SpreadElement" && isPropsComponents(last.argument);
        if (!spreadsProps) this.refuse(place, "a component map that does not end with the page's components");
        for (const property of init.properties.slice(0, -1)) {
          const tag = this.propertyName(property, place);
          if (
            property.type !== "Property" ||
            property.value.type !== "Literal" ||
            property.value.value !== tag
          )
            this.refuse(place, `a component map entry "${tag}" that is not the tag itself`);
          this.tags.add(tag);
        }
      } else if (id.type === "ObjectPattern" && init && isComponentSource(init)) {
        for (const property of id.properties) {
          const name = this.propertyName(property, place);
          if (
            property.type !== "Property" ||
            property.value.type !== "Identifier" ||
            property.value.name !== name
          )
            this.refuse(place, `a renamed component "${name}"`);
          this.components.add(name);
        }
      } else {
        this.refuse(place, "a variable other than the component map");
      }
    }
  }

  /** `if (!Callout) _missingMdxReference("Callout", true, "12:1-14:11");` */
  isMissingCheck(statement: Statement): boolean {
    if (statement.type !== "IfStatement" || statement.alternate) return false;
    const { test, consequent } = statement;
    if (test.type !== "UnaryExpression" || test.operator !== "!" || test.argument.type !== "Identifier")
      return false;
    const name = test.argument.name;
    if (consequent.type !== "ExpressionStatement" || consequent.expression.type !== "CallExpression")
      return false;
    const call = consequent.expression;
    return (
      this.components.has(name) &&
      call.callee.type === "Identifier" &&
      call.callee.name === MISSING &&
      call.arguments.every((a) => a.type === "Literal" && !a.regex) &&
      call.arguments[0]?.type === "Literal" &&
      call.arguments[0].value === name
    );
  }

  private propertyName(property: ObjectExpression["properties"][number] | Node, place: Place): string {
    if (
      property.type !== "Property" ||
      !("kind" in property) ||
      property.kind !== "init" ||
      property.computed ||
      property.method
    )
      this.refuse(place, "a computed, spread or method property");
    const key = (property as { key: Expression }).key;
    if (key.type === "Identifier") return key.name;
    if (key.type === "Literal" && typeof key.value === "string") return key.value;
    return this.refuse(place, "a property without a plain name");
  }

  /** The source place jsxDEV records for an element (line, column), when it has one. */
  private placeOf(args: CallExpression["arguments"], fallback: Place): Place {
    const [, , key, isStatic, source, self] = args;
    const wellFormed =
      args.length === 6 &&
      key?.type === "UnaryExpression" &&
      key.operator === "void" &&
      key.argument.type === "Literal" &&
      isStatic?.type === "Literal" &&
      typeof isStatic.value === "boolean" &&
      source?.type === "ObjectExpression" &&
      self?.type === "ThisExpression";
    if (!wellFormed) this.refuse(fallback, "a JSX call with unexpected arguments");
    const fields: Record<string, unknown> = {};
    for (const property of (source as ObjectExpression).properties) {
      const name = this.propertyName(property, fallback);
      const value = property.type === "Property" ? property.value : null;
      if (!["fileName", "lineNumber", "columnNumber"].includes(name) || value?.type !== "Literal")
        this.refuse(fallback, "a JSX call with an unexpected source location");
      fields[name] = value.value;
    }
    return typeof fields.lineNumber === "number" && typeof fields.columnNumber === "number"
      ? { line: fields.lineNumber, column: fields.columnNumber }
      : fallback;
  }

  /** `function _createMdxContent(props) { declarations; missing-component checks; return root; }` */
  content(fn: FunctionDeclaration, place: Place): LessonNode[] {
    const [param, ...more] = fn.params;
    if (more.length > 0 || param?.type !== "Identifier" || param.name !== "props" || fn.async || fn.generator)
      this.refuse(place, "a content function with unexpected parameters");
    const body = fn.body.body;
    const last = body.at(-1);
    let i = 0;
    if (body[0]?.type === "VariableDeclaration") this.readDeclarations(body[i++]!, place);
    while (i < body.length - 1 && this.isMissingCheck(body[i]!)) i++;
    if (i !== body.length - 1 || last?.type !== "ReturnStatement")
      return this.refuse(place, `a ${body[i]?.type ?? "missing"} statement in the content function`);
    return this.root(last.argument, place);
  }

  /** The root: `jsxDEV(Fragment, { children: [...] }, …)`, or the one element a lesson holds. */
  root(expression: Expression | null | undefined, place: Place): LessonNode[] {
    if (!expression) return this.refuse(place, "the lesson does not return its content");
    const [type, props] = jsxCallArguments(expression) ?? [];
    if (!isRuntimeMember(type, "Fragment")) return [this.node(expression, place)];
    if (props?.type !== "ObjectExpression")
      return this.refuse(place, "the lesson's root has unexpected attributes");
    const { props: extra, children } = this.props(props, place, "the lesson");
    if (Object.keys(extra).length > 0) this.refuse(place, "attributes on the lesson's root");
    return children;
  }

  /** One child: text, or an element. */
  node(expression: AnyNode, place: Place): LessonNode {
    const text = textOf(expression);
    if (text !== null) return text;
    const args = jsxCallArguments(expression);
    if (!args) return this.refuse(place, `${nameOf(expression)} where text or an element belongs`);
    const here = this.placeOf(args, place);
    const [type, props] = args;
    const element = this.elementType(type as Expression, here);
    if (props?.type !== "ObjectExpression")
      return this.refuse(here, `${nameOf(props)} as the attributes of <${element.name}>`);
    const converted = this.props(props, here, `<${element.name}>`, element);
    const node: LessonElement = { name: element.name };
    if (Object.keys(converted.props).length > 0) node.props = converted.props;
    if (converted.children.length > 0) node.children = converted.children;
    for (const problem of elementProblems(node, element.origin))
      this.problems.push({ ...here, message: problem });
    return node;
  }

  private elementType(type: Expression | undefined, place: Place): { origin: ElementOrigin; name: string } {
    if (type?.type === "Literal" && typeof type.value === "string")
      return { origin: "author-tag", name: type.value };
    if (
      type?.type === "MemberExpression" &&
      !type.computed &&
      type.object.type === "Identifier" &&
      type.object.name === COMPONENTS &&
      type.property.type === "Identifier" &&
      this.tags.has(type.property.name)
    )
      return { origin: "markdown-tag", name: type.property.name };
    if (type?.type === "Identifier" && this.components.has(type.name))
      return { origin: "component", name: type.name };
    return this.refuse(place, `${nameOf(type)} as an element`);
  }

  private props(
    object: ObjectExpression,
    place: Place,
    label: string,
    element?: { origin: ElementOrigin; name: string },
  ): { props: Record<string, LessonValue>; children: LessonNode[] } {
    const props: Record<string, LessonValue> = {};
    let children: LessonNode[] = [];
    for (const property of object.properties) {
      if (property.type === "SpreadElement")
        this.refuse(place, `a spread of ${nameOf(property.argument)} into ${label}`);
      const name = this.propertyName(property, place);
      const value = property.value as Expression;
      if (Object.hasOwn(props, name) || (name === "children" && children.length > 0))
        this.refuse(place, `${label} gets "${name}" twice`);
      if (name === "children") {
        const items = value.type === "ArrayExpression" ? value.elements : [value];
        children = items.map((item) => {
          if (!item || item.type === "SpreadElement")
            return this.refuse(place, `a spread among the children of ${label}`);
          return this.node(item, place);
        });
        continue;
      }
      const alignment =
        element?.origin === "markdown-tag" &&
        (element.name === "th" || element.name === "td") &&
        name === "style"
          ? gfmAlignment(value)
          : null;
      if (alignment) {
        props.align = alignment;
        continue;
      }
      const literal = value.type === "Literal" ? value.value : textOf(value);
      if (typeof literal !== "string" && typeof literal !== "number" && typeof literal !== "boolean")
        return this.refuse(place, `${nameOf(value)} as the value of ${label} ${name}`);
      props[name] = literal;
    }
    return { props, children };
  }
}

/**
 * Parses the code mdx-bundler compiled (never running it) and turns its content into a lesson
 * tree. The code must be exactly the boilerplate of `boilerplate` plus literal frontmatter plus
 * one content function made of JSX-runtime calls on listed elements with literal attributes.
 * Returns the tree, or the problems found (each at the nearest element's line and column).
 */
export function lessonTreeFromCompiled(
  code: string,
  boilerplate: Boilerplate,
): { ok: true; tree: LessonNode[] } | { ok: false; problems: OutputProblem[] } {
  const converter = new Converter();
  const start: Place = { line: 1, column: 1 };
  try {
    const statements = moduleBody(parseProgram(code));
    const functions = statements.filter(isContentFunction);
    if (functions.length !== 1) converter.refuse(start, "not exactly one content function");
    // The content first: a refusal there names the element it sits in.
    const tree = converter.content(functions[0]!, start);
    const surrounding = moduleProblem(statements, boilerplate);
    if (surrounding) converter.refuse(start, surrounding);
    return converter.problems.length > 0 ? { ok: false, problems: converter.problems } : { ok: true, tree };
  } catch (error) {
    if (error instanceof Refused) {
      if (converter.problems.length === 0) converter.problems.push({ ...start, message: error.message });
      return { ok: false, problems: converter.problems };
    }
    if (error instanceof SyntaxError)
      return {
        ok: false,
        problems: [{ ...start, message: `the compiled lesson does not parse (${error.message})` }],
      };
    throw error;
  }
}
