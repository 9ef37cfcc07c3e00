import type { Code } from "mdast";
import { type Document, LineCounter, parseDocument } from "yaml";
import type { Collector, Located } from "./collector";

type YamlNode = { range?: [number, number] };

/** A fenced block's YAML, with its places in the lesson file (for ```quiz and ```exercise). */
export type YamlFence = {
  doc: Document.Parsed;
  fenceLine: number;
  /** The lesson-file place of an offset into the block's text. */
  place(offset: number): Located;
  /** The place of the value at `path` (or of the nearest parent that has one), else the fence. */
  at(path: readonly (string | number | PropertyKey)[]): Located;
};

/** Parses a fenced block's YAML and locates its parts in the lesson file. */
export function readYamlFence(node: Code): YamlFence {
  const fenceLine = node.position?.start.line ?? 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: false });
  const place = (offset: number): Located => {
    const p = lineCounter.linePos(offset);
    return { line: fenceLine + p.line, column: p.col + (node.position?.start.column ?? 1) - 1 };
  };
  const at = (wanted: readonly (string | number | PropertyKey)[]): Located => {
    let path = wanted.filter((k): k is string | number => typeof k !== "symbol");
    let target = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | undefined;
    while (!target?.range && path.length > 0) {
      path = path.slice(0, -1);
      target = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | undefined;
    }
    return target?.range ? place(target.range[0]) : { line: fenceLine, column: 1 };
  };
  return { doc, fenceLine, place, at };
}

/**
 * Reports the block's YAML syntax errors, each at its place ("Quiz is not valid YAML: …");
 * true when there were any (the block is then left out).
 */
export function reportYamlErrors(
  fence: YamlFence,
  collector: Collector,
  rule: "quiz" | "exercise",
  what: string,
): boolean {
  for (const e of fence.doc.errors)
    collector.error(fence.place(e.pos[0]), rule, `${what} is not valid YAML: ${e.message.split("\n")[0]}`);
  return fence.doc.errors.length > 0;
}
