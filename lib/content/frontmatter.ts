import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "./diagnostics";
import { type LessonFrontmatter, LessonFrontmatterSchema } from "./schema";

export type FrontmatterResult =
  | { ok: true; frontmatter: LessonFrontmatter; bodyStartLine: number }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * One problem per field: a value that is wrong in one way often fails a later check too (an
 * empty list is too short and has no correct entry); the first says what to fix.
 */
export function firstPerPath<T extends { path: PropertyKey[] }>(issues: T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue.path.map(String));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Reads and validates a lesson's YAML frontmatter, locating every problem by line and column. */
export function parseFrontmatter(source: string, file: string): FrontmatterResult {
  const at = (line: number, column: number, message: string, hint?: string): Diagnostic => ({
    file,
    line,
    column,
    severity: "error",
    rule: "frontmatter",
    message,
    hint,
  });
  const match = FENCE.exec(source);
  if (!match) {
    return {
      ok: false,
      diagnostics: [
        at(
          1,
          1,
          "The lesson has no frontmatter",
          "Start the file with a --- block (see content/AUTHORING.md)",
        ),
      ],
    };
  }
  const yamlText = match[1] ?? "";
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // The YAML starts on line 2 of the file (after the opening ---).
  const place = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const p = place(e.pos[0]);
        return at(p.line, p.column, `Frontmatter is not valid YAML: ${e.message.split("\n")[0]}`);
      }),
    };
  }
  const data = doc.toJS();
  const result = LessonFrontmatterSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      diagnostics: firstPerPath(result.error.issues).map((issue) => {
        const key = issue.path.join(".") || "frontmatter";
        if (issue.code === "unrecognized_keys") {
          const name = issue.keys[0] ?? "";
          const node = isMap(doc.contents)
            ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === name)
            : undefined;
          const offset = node && isScalar(node.key) ? (node.key.range?.[0] ?? 0) : 0;
          const p = place(offset);
          return at(
            p.line,
            p.column,
            `Unknown frontmatter key "${issue.keys.join('", "')}"`,
            "Check the spelling against content/AUTHORING.md",
          );
        }
        const node = doc.getIn(issue.path as (string | number)[], true) as
          | { range?: [number, number] }
          | undefined;
        if (node?.range) {
          const p = place(node.range[0]);
          return at(p.line, p.column, `Frontmatter "${key}" ${issue.message}`);
        }
        const missing = data === null || typeof data !== "object" || !(String(issue.path[0]) in data);
        return at(
          2,
          1,
          missing ? `Frontmatter is missing "${key}"` : `Frontmatter "${key}" ${issue.message}`,
          missing ? "Add it; content/AUTHORING.md lists every field" : undefined,
        );
      }),
    };
  }
  const bodyStartLine = match[0].split("\n").length;
  return { ok: true, frontmatter: result.data, bodyStartLine };
}
