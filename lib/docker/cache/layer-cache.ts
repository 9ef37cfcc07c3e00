// What BuildKit reuses from its layer cache on the next build, given what changed since the last
// one: a file in the build context, a build-arg value, or nothing. Pure logic over an analysis.
//
// The rules, from Docker's "Build cache invalidation" and the Dockerfile reference:
// - Each step is reused only if the step before it was (its parent state is the cache key's
//   input). The first miss in a stage rebuilds it and every later step of that stage.
// - COPY/ADD (and RUN --mount=type=bind from the context) key on the checksums of the files they
//   read, not their dates: a changed file invalidates the step if one of its sources is that
//   file, a directory holding it, a wildcard matching it, or `.` (the whole context).
// - A path .dockerignore excludes is not in the build context: changing it invalidates nothing.
// - RUN keys on its command text only: BuildKit never looks at what the command does, so a RUN
//   misses only through an earlier miss, a build-arg (below) or a mount whose source changed.
// - A stage built FROM another stage, or copying/mounting from it, starts from that stage's
//   result: when that stage rebuilt, so do they (BuildKit compares what a COPY --from copies, so
//   byte-identical output would still be reused; the view says so rather than promise it).
// - A build-arg change misses "upon its first usage, not its declaration": the ARG line itself is
//   reused; every RUN after `ARG NAME` in that stage sees it as an environment variable, so the
//   first such RUN misses, as does any earlier instruction that expands $NAME. A global ARG
//   (before the first FROM) is seen only by FROM lines and by stages that redeclare it; used in a
//   FROM, it changes the base image and so the whole stage. An ENV of the same name hides it.
//   A build-arg no ARG declares is not consumed and changes nothing.
// - RUN --mount=type=cache keeps its directory across builds: a rerun install finds last build's
//   downloads there.
// - Stages the target does not need are skipped, whatever changed.

import type { DockerfileAnalysis, Instruction, Stage } from "../dockerfile";
import { dependencyInstall, runMounts, runScript, simpleCommands } from "../dockerfile/commands";
import { copyPaths } from "../dockerfile/graph";
import { flagValue } from "../dockerfile/words";
import { ignoreVerdict, parseDockerignore } from "./dockerignore";
import { cleanPath, compileGlob, GlobBudget, GlobTooCostly, globMatches } from "./glob";

export type CacheChange = { kind: "none" } | { kind: "file"; path: string } | { kind: "arg"; name: string };

export interface CacheInput {
  change: CacheChange;
  /** The .dockerignore text ("" for none). */
  dockerignore?: string;
  /** Paths in the build context, one per entry, to show which the .dockerignore keeps out. */
  contextFiles?: readonly string[];
}

export type StepState = "reused" | "rebuilt" | "skipped";

export interface CacheStep {
  line: number;
  keyword: string;
  /** The instruction as written on its first line, shortened. */
  text: string;
  state: StepState;
  /** Why: for the first miss, what invalidated it; for later ones, the line that did. */
  reason: string;
  /** True for the step that missed first in its stage. */
  cause: boolean;
  /** Targets of RUN --mount=type=cache: kept across builds. */
  cacheMounts: string[];
  /** A dependency install (npm ci, pip install -r, go mod download, …). */
  install: boolean;
}

export interface CacheStage {
  index: number;
  name: string;
  state: "built" | "skipped";
  /** The stage's result differs from last build (something in it rebuilt). */
  changed: boolean;
  steps: CacheStep[];
}

export interface ContextEntry {
  path: string;
  excluded: boolean;
  /** The .dockerignore line that decided, if any. */
  rule: { line: number; text: string } | null;
}

export interface CacheReport {
  change: CacheChange;
  stages: CacheStage[];
  /** Steps that run again, over steps in the stages this target builds (FROM lines not counted). */
  rerun: number;
  total: number;
  /** Install steps that run again, with the cache mount that keeps their downloads (if any). */
  installs: { line: number; text: string; cacheMounts: string[] }[];
  /** Set when the changed path is excluded by .dockerignore. */
  ignoredBy: { line: number; text: string } | null;
  context: ContextEntry[];
  /** Notes on the change itself (an arg no ARG declares, a pattern too costly to evaluate). */
  notes: string[];
}

/** Longest instruction text shown per step. */
const TEXT_MAX = 120;

const NAME_REF = (name: string) => new RegExp(`\\$(?:${name}(?![A-Za-z0-9_])|\\{${name}(?![A-Za-z0-9_]))`);

/** Works out, stage by stage, which steps BuildKit reuses and which it rebuilds after `input.change`. */
export function layerCacheReport(analysis: DockerfileAnalysis, input: CacheInput): CacheReport {
  const budget = new GlobBudget();
  const notes: string[] = [];
  const rules = parseDockerignore(input.dockerignore ?? "");
  const change = normaliseChange(input.change);
  let ignoredBy: CacheReport["ignoredBy"] = null;
  const context: ContextEntry[] = [];
  try {
    for (const path of input.contextFiles ?? []) {
      const clean = cleanPath(path);
      if (clean === "") continue;
      const verdict = ignoreVerdict(rules, clean, budget);
      context.push({
        path: clean,
        excluded: verdict.excluded,
        rule: verdict.rule ? { line: verdict.rule.line, text: verdict.rule.text } : null,
      });
    }
    if (change.kind === "file") {
      const verdict = ignoreVerdict(rules, change.path, budget);
      if (verdict.excluded && verdict.rule) ignoredBy = { line: verdict.rule.line, text: verdict.rule.text };
    }
  } catch (error) {
    if (!(error instanceof GlobTooCostly)) throw error;
    notes.push(
      `The .dockerignore pattern "${error.message}" is too costly to evaluate here; it is treated as not matching.`,
    );
  }

  const argName = change.kind === "arg" ? change.name : null;
  const globalArg = argName !== null && analysis.globalArgs.some((a) => a.name === argName);
  if (argName !== null) {
    const declared =
      globalArg ||
      analysis.stages.some((s) => s.instructions.some((i) => i.keyword === "ARG" && declares(i, argName)));
    if (!declared) {
      notes.push(
        `No ARG declares ${argName}, so BuildKit does not consume it ("build-arg not consumed") and nothing rebuilds.`,
      );
    }
  }

  const skipped = new Set(analysis.target.skipped);
  const changedStage: boolean[] = [];
  const stages: CacheStage[] = [];
  let rerun = 0;
  let total = 0;
  const installs: CacheReport["installs"] = [];
  const sourceTest = (sources: readonly string[]) =>
    change.kind === "file" &&
    ignoredBy === null &&
    sources.some((src) => sourceCovers(src, change.path, budget, notes));

  for (const stage of analysis.stages) {
    const name = stage.name ?? `${stage.index} (unnamed)`;
    if (skipped.has(stage.index)) {
      changedStage.push(false);
      stages.push({
        index: stage.index,
        name,
        state: "skipped",
        changed: false,
        steps: stage.instructions.map((ins) =>
          step(ins, "skipped", "The target does not need this stage.", false),
        ),
      });
      continue;
    }
    let missed: { line: number; reason: string } | null = null;
    if (stage.base.kind === "stage" && changedStage[stage.base.stage]) {
      missed = {
        line: stage.line,
        reason: `starts FROM stage "${stageLabel(analysis, stage.base.stage)}", which rebuilt`,
      };
    } else if (argName !== null && globalArg && NAME_REF(argName).test(stage.fromText)) {
      missed = {
        line: stage.line,
        reason: `its base image comes from build-arg ${argName} (line ${stage.line})`,
      };
    }
    // Where the build-arg becomes visible in this stage (its ARG line), and whether an ENV hides it.
    let argVisible = false;
    const steps: CacheStep[] = [];
    for (const ins of stage.instructions) {
      const mounts = ins.keyword === "RUN" ? runMounts(ins) : [];
      const cacheMounts = mounts.filter((m) => m.type === "cache").map((m) => m.target ?? "(no target)");
      const install =
        ins.keyword === "RUN" && simpleCommands(runScript(ins)).some((w) => dependencyInstall(w) !== null);
      if (missed) {
        const first = missed.line === stage.line && steps.length === 0;
        steps.push(
          step(
            ins,
            "rebuilt",
            first
              ? `Rebuilds: this stage ${missed.reason}.`
              : `Rebuilds: after the miss on line ${missed.line}.`,
            false,
            cacheMounts,
            install,
          ),
        );
        continue;
      }
      const cause = missReason(ins, {
        analysis,
        changedStage,
        argName,
        argVisible,
        sourceTest,
        mounts,
        change,
      });
      if (argName !== null && ins.keyword === "ARG" && declares(ins, argName)) argVisible = true;
      if (argName !== null && ins.keyword === "ENV" && ins.argv.some((w, i) => i % 2 === 0 && w === argName))
        argVisible = false;
      if (cause) {
        missed = { line: ins.line, reason: cause };
        steps.push(step(ins, "rebuilt", `Cache miss: ${cause}.`, true, cacheMounts, install));
      } else steps.push(step(ins, "reused", "Reused from the cache.", false, cacheMounts, install));
    }
    const changed = steps.some((s) => s.state === "rebuilt") || (missed !== null && steps.length === 0);
    changedStage.push(changed);
    total += steps.length;
    for (const s of steps) {
      if (s.state !== "rebuilt") continue;
      rerun++;
      if (s.install) installs.push({ line: s.line, text: s.text, cacheMounts: s.cacheMounts });
    }
    stages.push({ index: stage.index, name, state: "built", changed, steps });
  }
  return { change, stages, rerun, total, installs, ignoredBy, context, notes };
}

function normaliseChange(change: CacheChange): CacheChange {
  if (change.kind === "file") {
    const path = cleanPath(change.path);
    return path === "" ? { kind: "none" } : { kind: "file", path };
  }
  if (change.kind === "arg") {
    const name = change.name.trim();
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? { kind: "arg", name } : { kind: "none" };
  }
  return change;
}

const stageLabel = (analysis: DockerfileAnalysis, index: number) =>
  analysis.stages[index]?.label ?? String(index);

const declares = (ins: Instruction, name: string) =>
  ins.argv.some((word) => (word.includes("=") ? word.slice(0, word.indexOf("=")) : word) === name);

function step(
  ins: Instruction,
  state: StepState,
  reason: string,
  cause: boolean,
  cacheMounts: string[] = [],
  install = false,
): CacheStep {
  const flat = `${ins.written} ${ins.flags.map((f) => f.raw).join(" ")} ${ins.args}`
    .replace(/\s+/g, " ")
    .trim();
  const text = flat.length > TEXT_MAX ? `${flat.slice(0, TEXT_MAX - 1)}…` : flat;
  return { line: ins.line, keyword: ins.keyword, text, state, reason, cause, cacheMounts, install };
}

interface MissContext {
  analysis: DockerfileAnalysis;
  changedStage: readonly boolean[];
  argName: string | null;
  argVisible: boolean;
  sourceTest: (sources: readonly string[]) => boolean;
  mounts: ReturnType<typeof runMounts>;
  change: CacheChange;
}

/** Why this step misses the cache (as a phrase), or null when it is reused. */
function missReason(ins: Instruction, ctx: MissContext): string | null {
  const { analysis, change } = ctx;
  const stageNamed = (label: string) => {
    const lower = label.toLowerCase();
    return /^\d+$/.test(label)
      ? analysis.stages[Number(label)]
      : analysis.stages.find((s: Stage) => s.normalizedName === lower);
  };
  if (ins.keyword === "COPY" || ins.keyword === "ADD") {
    const from = flagValue(ins.flags, "from");
    if (from) {
      const source = stageNamed(from);
      if (source && ctx.changedStage[source.index]) {
        return `it copies from stage "${source.label}", which rebuilt (BuildKit compares the copied files: if they came out identical, this step would still be reused)`;
      }
    } else if (ins.heredocs.length === 0 && change.kind === "file") {
      const { sources } = copyPaths(ins, ctx.analysis.directives.escape);
      if (ctx.sourceTest(sources)) return `${change.path} changed and this ${ins.keyword} copies it`;
    }
  }
  if (ins.keyword === "RUN") {
    for (const mount of ctx.mounts) {
      if (mount.type !== "bind") continue;
      if (mount.from) {
        const source = stageNamed(mount.from);
        if (source && ctx.changedStage[source.index])
          return `it mounts stage "${source.label}", which rebuilt`;
      } else if (change.kind === "file" && ctx.sourceTest([mount.source ?? "."])) {
        return `${change.path} changed and this RUN bind-mounts it from the build context`;
      }
    }
    if (ctx.argName !== null && ctx.argVisible) {
      return `build-arg ${ctx.argName} changed, and every RUN after its ARG sees it as an environment variable`;
    }
  }
  if (ctx.argName !== null && ctx.argVisible && ins.keyword !== "ARG") {
    const text = `${ins.flags.map((f) => f.raw).join(" ")} ${ins.args}`;
    if (NAME_REF(ctx.argName).test(text))
      return `it uses build-arg ${ctx.argName} ($${ctx.argName}), which changed`;
  }
  return null;
}

/** Whether a COPY source (relative to the context) covers the changed path. */
function sourceCovers(source: string, path: string, budget: GlobBudget, notes: string[]): boolean {
  const clean = cleanPath(source);
  if (clean === "") return true;
  if (/^(?:https?|git|ssh):\/\/|^git@/.test(source)) return false;
  try {
    return globMatches(compileGlob(clean, false), path, true, budget);
  } catch (error) {
    if (!(error instanceof GlobTooCostly)) throw error;
    notes.push(`The COPY source "${source}" is too costly to match here; it is treated as not matching.`);
    return false;
  }
}
