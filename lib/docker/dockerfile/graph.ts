// The stage graph once it is built: which stages a --target builds, FROM chains, and COPY paths.

import type { Instruction, Problem, Stage, StageEdge, TargetSelection } from "./types";
import { type EscapeChar, parseJsonArray, splitWordsRaw } from "./words";

/** For each stage, the stages it needs (FROM parent, COPY --from, mount from=). */
export function dependencyLists(count: number, edges: readonly StageEdge[]): number[][] {
  const deps: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) deps[edge.toStage]?.push(edge.fromStage);
  return deps;
}

/**
 * Which stage `docker build --target <target>` ships and which stages it builds or skips. A target
 * that matches no stage is reported and falls back to the last stage.
 */
export function selectTarget(
  stages: readonly Stage[],
  edges: readonly StageEdge[],
  target: string | number | undefined,
  problems: Problem[],
): TargetSelection {
  let shipping = stages.length - 1;
  let explicit = false;
  if (target !== undefined && String(target).trim() !== "") {
    const wanted = String(target).trim().toLowerCase();
    const found =
      typeof target === "number" || /^\d+$/.test(wanted)
        ? stages.find((s) => s.index === Number(wanted))
        : stages.find((s) => s.normalizedName === wanted);
    if (found) {
      shipping = found.index;
      explicit = true;
    } else {
      problems.push({ severity: "error", line: 0, message: `Target stage "${target}" could not be found.` });
    }
  }
  const deps = dependencyLists(stages.length, edges);
  const built = new Set<number>();
  const stack = [shipping];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (built.has(node)) continue;
    built.add(node);
    stack.push(...(deps[node] ?? []));
  }
  const all = stages.map((s) => s.index);
  return {
    shipping,
    explicit,
    built: all.filter((i) => built.has(i)),
    skipped: all.filter((i) => !built.has(i)),
  };
}

/** The stage and its FROM-ancestors, nearest first: their layers are all in the stage's image. */
export function fromChain(stages: readonly Stage[], index: number): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  let current = stages[index];
  while (current && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    current = current.base.kind === "stage" ? stages[current.base.stage] : undefined;
  }
  return chain;
}

/**
 * For each stage, whether it or a FROM-ancestor satisfies `has`. Bases always come earlier in the
 * file, so one pass in file order is enough (no per-stage walk up a chain thousands long).
 */
export function inheritedFlags(stages: readonly Stage[], has: (stage: Stage) => boolean): boolean[] {
  const out: boolean[] = [];
  for (const stage of stages) {
    const base = stage.base.kind === "stage" ? out[stage.base.stage] : false;
    out.push(has(stage) || base === true);
  }
  return out;
}

/** COPY sources and destination, from JSON or whitespace form; heredoc sources appear as "<<EOF". */
export function copyPaths(
  ins: Instruction,
  escapeChar: EscapeChar,
): { sources: string[]; destination: string | null } {
  const words = parseJsonArray(ins.args) ?? splitWordsRaw(ins.args, escapeChar).map(stripQuotes);
  if (words.length < 2) return { sources: words, destination: null };
  return { sources: words.slice(0, -1), destination: words[words.length - 1] ?? null };
}

const stripQuotes = (word: string) =>
  /^(["']).*\1$/.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
