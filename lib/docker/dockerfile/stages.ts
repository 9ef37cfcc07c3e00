// Turns parsed instructions into BuildKit's stage model (dockerfile2llb): global ARGs, stages with
// their resolved bases, the dependency edges between stages and external images. What a --target
// builds is worked out from these edges in graph.ts.
//
// BuildKit semantics kept here, because they surprise people:
// - Stage names are stored lower-case; COPY --from, mount from= and --target match any case.
//   FROM <stage> is looked up exactly, so `FROM Builder` after `AS builder` names an image
//   "Builder" and the build fails (image names must be lower case). We report that and still draw
//   the edge the author meant.
// - FROM <stage>, COPY --from and RUN --mount from= only see stages defined above. Since dockerfile
//   1.7 BuildKit refuses a later (or the same) stage: "cannot copy from stage "x", it needs to be
//   defined before current stage "y"". So edges always point from an earlier stage to a later one
//   and the graph can have no cycle.
// - COPY --from=<n> is a zero-based stage index; mount from= takes names only.
// - Global ARGs (before the first FROM) are visible in FROM lines only, unless a stage redeclares
//   them with a bare `ARG NAME`.

import { expandWord, type Lookup, MatchBudget } from "./expand";
import { KNOWN_INSTRUCTIONS } from "./parser";
import type { ExternalImageUse, Instruction, Problem, Stage, StageEdge } from "./types";
import { type EscapeChar, flagValue, parseMount } from "./words";

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
  const budget = new MatchBudget();
  const expand = (word: string, line: number, what: string) => {
    const result = expandWord(word, metaLookup, escapeChar, budget);
    if (result.error) problems.push({ severity: "error", line, message: `${what}: ${result.error}.` });
    return result;
  };

  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const stage = readFrom(ins, stages.length, byName, expand, problems);
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
        for (const word of ins.argv) {
          const eq = word.indexOf("=");
          const name = eq < 0 ? word : word.slice(0, eq);
          const value = eq < 0 ? null : expand(word.slice(eq + 1), ins.line, `ARG ${name}`).value;
          meta.set(name, value ?? undefined);
          globalArgs.push({ name, value, line: ins.line });
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
  return { globalArgs, stages, edges, externalImages, problems };
}

type Expand = (word: string, line: number, what: string) => ReturnType<typeof expandWord>;

function readFrom(
  ins: Instruction,
  index: number,
  byName: Map<string, number>,
  expand: Expand,
  problems: Problem[],
): Stage {
  // Only spaces and tabs separate FROM's words: "AS\u00a0build" is one word, not two.
  const words = ins.argv;
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
  const expanded = expand(fromText, ins.line, `FROM ${fromText}`);
  const fromResolved = expanded.value;
  if (fromResolved === "" && !expanded.error)
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
  const platform = platformFlag ? expand(platformFlag, ins.line, "FROM --platform").value : null;
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
        addEdge("copy", target, stage.index, ins.line, "index", { stages, edges, problems, written: from });
      } else {
        const target = byName.get(from.toLowerCase());
        if (target === undefined)
          externals.push({ kind: "copy", image: from, stage: stage.index, line: ins.line });
        else
          addEdge("copy", target, stage.index, ins.line, "name", { stages, edges, problems, written: from });
      }
    } else if (ins.keyword === "RUN") {
      for (const flag of ins.flags) {
        if (flag.name !== "mount" || !flag.value) continue;
        const mount = parseMount(flag.value);
        if (!mount.from || mount.type === "secret" || mount.type === "ssh" || mount.type === "tmpfs")
          continue;
        const target = byName.get(mount.from.toLowerCase());
        if (target !== undefined)
          addEdge("mount", target, stage.index, ins.line, "name", {
            stages,
            edges,
            problems,
            written: mount.from,
          });
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
  ctx: { stages: readonly Stage[]; edges: StageEdge[]; problems: Problem[]; written: string },
): void {
  if (fromStage >= toStage) {
    const current = ctx.stages[toStage];
    const currentName = current?.name ?? "";
    ctx.problems.push({
      severity: "error",
      line,
      message:
        kind === "copy"
          ? `cannot copy from stage "${ctx.written}", it needs to be defined before current stage "${currentName}". BuildKit reads stages top to bottom and refuses ${fromStage === toStage ? "a stage that copies from itself" : "one defined further down"}: move stage "${ctx.stages[fromStage]?.label}" above this one.`
          : `cannot mount from stage "${ctx.written}": it needs to be defined before current stage "${currentName}". BuildKit reads stages top to bottom: move stage "${ctx.stages[fromStage]?.label}" above this one.`,
    });
    return;
  }
  ctx.edges.push({ kind, fromStage, toStage, line, by });
}
