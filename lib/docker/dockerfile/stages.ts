// Turns parsed instructions into BuildKit's stage model (dockerfile2llb): global ARGs, stages with
// their resolved bases, the dependency edges between stages and external images. What a --target
// builds is worked out from these edges in graph.ts.
//
// BuildKit semantics kept here, because they surprise people:
// - Stage names are stored lower-case; COPY --from, mount from= and --target match any case.
//   FROM <stage> is looked up exactly, so `FROM Builder` after `AS builder` names an image
//   "Builder" and the build fails (image names must be lower case). We report that and still draw
//   the edge the author meant.
// - FROM <stage> only sees stages defined above it; COPY --from sees every stage, so copying from a
//   later stage builds (BuildKit orders by dependency). Only a cycle (including a stage copying from
//   itself) is an error.
// - COPY --from=<n> is a zero-based stage index; mount from= takes names only.
// - Global ARGs (before the first FROM) are visible in FROM lines only, unless a stage redeclares
//   them with a bare `ARG NAME`.

import { expandWord, type Lookup } from "./expand";
import { dependencyLists } from "./graph";
import { KNOWN_INSTRUCTIONS } from "./parser";
import type { ExternalImageUse, Instruction, Problem, Stage, StageEdge } from "./types";
import { type EscapeChar, flagValue, parseKeyValues, parseMount } from "./words";

/** ARGs BuildKit defines for every FROM line; their values depend on the machine, so we keep them symbolic. */
const PLATFORM_ARGS = new Set([
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
]);
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export interface StageModel {
  globalArgs: { name: string; value: string | null; line: number }[];
  stages: Stage[];
  edges: StageEdge[];
  externalImages: ExternalImageUse[];
  problems: Problem[];
}

/** Builds stages, edges and external images from the instruction list. */
export function buildStageModel(instructions: readonly Instruction[], escapeChar: EscapeChar): StageModel {
  const problems: Problem[] = [];
  const globalArgs: StageModel["globalArgs"] = [];
  const meta = new Map<string, string | undefined>();
  const metaLookup: Lookup = (name) =>
    PLATFORM_ARGS.has(name) ? `\${${name}}` : (meta.get(name) ?? undefined);
  const stages: Stage[] = [];
  const byName = new Map<string, number>();
  const edges: StageEdge[] = [];

  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const stage = readFrom(ins, stages.length, byName, metaLookup, escapeChar, problems);
      if (stage.base.kind === "stage") {
        edges.push({
          kind: "from",
          fromStage: stage.base.stage,
          toStage: stage.index,
          line: ins.line,
          by: "name",
        });
      }
      stages.push(stage);
      if (stage.normalizedName) {
        if (byName.has(stage.normalizedName)) {
          problems.push({
            severity: "warning",
            line: ins.line,
            message: `Duplicate stage name "${stage.name}": later references use this one.`,
          });
        }
        byName.set(stage.normalizedName, stage.index);
      }
    } else if (stages.length === 0) {
      if (ins.keyword === "ARG") {
        for (const kv of parseKeyValues(ins.args, escapeChar, false)) {
          const value = kv.rawValue === null ? null : expandWord(kv.rawValue, metaLookup, escapeChar).value;
          meta.set(kv.key, value ?? undefined);
          globalArgs.push({ name: kv.key, value, line: ins.line });
        }
      } else if (KNOWN_INSTRUCTIONS.has(ins.keyword)) {
        problems.push({
          severity: "error",
          line: ins.line,
          message: `${ins.keyword} before the first FROM: only ARG may come before FROM.`,
        });
      }
    } else {
      const current = stages[stages.length - 1] as Stage;
      current.instructions.push(ins);
      current.endLine = ins.endLine;
    }
  }

  const externalImages: ExternalImageUse[] = [];
  for (const stage of stages) collectReferences(stage, stages, byName, edges, externalImages, problems);
  reportCycles(stages.length, edges, stages, problems);
  return { globalArgs, stages, edges, externalImages, problems };
}

function readFrom(
  ins: Instruction,
  index: number,
  byName: Map<string, number>,
  lookup: Lookup,
  escapeChar: EscapeChar,
  problems: Problem[],
): Stage {
  const words = ins.args.split(/\s+/).filter(Boolean);
  let name: string | null = null;
  if (words.length === 3 && words[1]?.toLowerCase() === "as") {
    name = words[2] as string;
    if (!STAGE_NAME.test(name.toLowerCase())) {
      problems.push({
        severity: "error",
        line: ins.line,
        message: `Invalid stage name "${name}": start with a letter; use letters, digits, "-", "_" or ".".`,
      });
    }
  } else if (words.length !== 1) {
    problems.push({
      severity: "error",
      line: ins.line,
      message: "FROM takes an image and optionally AS <name>.",
    });
  }
  const fromText = words[0] ?? "";
  const expanded = expandWord(fromText, lookup, escapeChar);
  const fromResolved = expanded.value;
  if (fromResolved === "")
    problems.push({
      severity: "error",
      line: ins.line,
      message: `FROM ${fromText} resolves to an empty image name.`,
    });

  let base: Stage["base"];
  const exact = byName.get(fromResolved);
  const loose = byName.get(fromResolved.toLowerCase());
  if (exact !== undefined) base = { kind: "stage", stage: exact };
  else if (loose !== undefined) {
    base = { kind: "stage", stage: loose };
    problems.push({
      severity: "error",
      line: ins.line,
      message: `FROM ${fromResolved}: BuildKit matches stage names in FROM only in lower case, so it looks for an image "${fromResolved}" and fails. Write FROM ${fromResolved.toLowerCase()}.`,
    });
  } else if (fromResolved.toLowerCase() === "scratch") base = { kind: "scratch" };
  else base = { kind: "image", image: fromResolved };

  const platformFlag = flagValue(ins.flags, "platform");
  const platform = platformFlag ? expandWord(platformFlag, lookup, escapeChar).value : null;
  return {
    index,
    name,
    normalizedName: name?.toLowerCase() ?? null,
    label: name?.toLowerCase() ?? String(index),
    fromText,
    fromResolved,
    base,
    platform,
    unsetArgs: [...new Set(expanded.unset)],
    line: ins.line,
    endLine: ins.endLine,
    instructions: [],
  };
}

function collectReferences(
  stage: Stage,
  stages: readonly Stage[],
  byName: Map<string, number>,
  edges: StageEdge[],
  externals: ExternalImageUse[],
  problems: Problem[],
): void {
  for (const ins of stage.instructions) {
    if (ins.keyword === "COPY") {
      const from = flagValue(ins.flags, "from");
      if (!from) continue;
      if (from.includes("$")) {
        problems.push({
          severity: "error",
          line: ins.line,
          message: `COPY --from=${from}: variables are not expanded in --from; use a stage that does FROM \${VAR}.`,
        });
        continue;
      }
      if (/^[+-]?\d+$/.test(from)) {
        const target = Number(from);
        if (target < 0 || target >= stages.length) {
          problems.push({
            severity: "error",
            line: ins.line,
            message: `COPY --from=${from}: there is no stage ${from} (stages are numbered 0 to ${stages.length - 1}).`,
          });
          continue;
        }
        addEdge("copy", target, stage.index, ins.line, "index", edges, problems);
      } else {
        const target = byName.get(from.toLowerCase());
        if (target === undefined)
          externals.push({ kind: "copy", image: from, stage: stage.index, line: ins.line });
        else addEdge("copy", target, stage.index, ins.line, "name", edges, problems);
      }
    } else if (ins.keyword === "RUN") {
      for (const flag of ins.flags) {
        if (flag.name !== "mount" || !flag.value) continue;
        const mount = parseMount(flag.value);
        if (!mount.from || mount.type === "secret" || mount.type === "ssh" || mount.type === "tmpfs")
          continue;
        const target = byName.get(mount.from.toLowerCase());
        if (target !== undefined) addEdge("mount", target, stage.index, ins.line, "name", edges, problems);
        else {
          if (/^\d+$/.test(mount.from)) {
            problems.push({
              severity: "warning",
              line: ins.line,
              message: `--mount from=${mount.from}: mounts take a stage name, not an index; BuildKit looks for an image called "${mount.from}".`,
            });
          }
          externals.push({ kind: "mount", image: mount.from, stage: stage.index, line: ins.line });
        }
      }
    }
  }
}

function addEdge(
  kind: "copy" | "mount",
  fromStage: number,
  toStage: number,
  line: number,
  by: "name" | "index",
  edges: StageEdge[],
  problems: Problem[],
): void {
  if (fromStage === toStage) {
    problems.push({
      severity: "error",
      line,
      message: `A stage can't ${kind === "copy" ? "copy" : "mount"} from itself (BuildKit: circular dependency).`,
    });
    return;
  }
  if (fromStage > toStage) {
    problems.push({
      severity: "warning",
      line,
      message: `This ${kind === "copy" ? "COPY --from" : "mount"} uses stage ${fromStage}, defined further down. BuildKit builds it first, but the legacy builder rejects it and readers expect stages in order: move that stage up.`,
    });
  }
  edges.push({ kind, fromStage, toStage, line, by });
}

/** Adds an error for each dependency cycle (possible only through a forward COPY --from or mount). */
function reportCycles(
  count: number,
  edges: readonly StageEdge[],
  stages: readonly Stage[],
  problems: Problem[],
): void {
  const deps = dependencyLists(count, edges);
  const state = new Array<number>(count).fill(0); // 0 new, 1 on path, 2 done
  const visit = (node: number): boolean => {
    state[node] = 1;
    for (const dep of deps[node] ?? []) {
      if (state[dep] === 1) {
        const edge = edges.find((e) => e.toStage === node && e.fromStage === dep);
        problems.push({
          severity: "error",
          line: edge?.line ?? 0,
          message: `Circular dependency between stages "${stages[dep]?.label}" and "${stages[node]?.label}".`,
        });
        return true;
      }
      if (state[dep] === 0 && visit(dep)) return true;
    }
    state[node] = 2;
    return false;
  };
  for (let i = 0; i < count; i++) if (state[i] === 0 && visit(i)) return;
}
