// Whether the final image ships Node dev dependencies: an `npm ci`/`npm install` in a stage whose
// layers ship, or node_modules copied from a stage that installed them, without --omit=dev,
// NODE_ENV=production or a later `npm prune --omit=dev` taking them out again.

import { isNpmInstallFromManifest, runScript, simpleCommands } from "./commands";
import { copyPaths } from "./graph";
import type { RuleContext } from "./rule-context";
import type { Finding, Instruction, Stage } from "./types";
import { flagValue, parseKeyValues } from "./words";

/** What a stage's node_modules hold after its last instruction, and which line put them there. */
export type NodeModulesState = { dev: boolean; line: number } | null;

const OMITS_DEV = (w: string) =>
  w === "--production" ||
  w === "--omit=dev" ||
  w === "--only=prod" ||
  w === "--only=production" ||
  w === "--prod" ||
  w === "--production=true";

function npmCi(words: readonly string[]): boolean {
  return words[0] === "npm" && (words[1] === "ci" || words[1] === "clean-install");
}

function npmPruneProduction(words: readonly string[]): boolean {
  return words[0] === "npm" && words[1] === "prune" && words.slice(2).some(OMITS_DEV);
}

/**
 * For every stage, whether its node_modules carry dev dependencies at the end of the stage
 * (inherited through FROM <stage>), or null when it installs none. `npm ci`/`npm install` install
 * them unless told otherwise (a flag, or NODE_ENV=production set before); `npm prune --omit=dev`
 * removes them.
 */
export function nodeModulesStates(stages: readonly Stage[], escapeChar: "\\" | "`"): NodeModulesState[] {
  const out: NodeModulesState[] = [];
  const prodEnv: boolean[] = [];
  for (const stage of stages) {
    const parent = stage.base.kind === "stage" ? stage.base.stage : -1;
    let state: NodeModulesState = out[parent] ?? null;
    let production = prodEnv[parent] ?? false;
    for (const ins of stage.instructions) {
      if (ins.keyword === "ENV") {
        for (const kv of parseKeyValues(ins.args, escapeChar, true))
          if (kv.key === "NODE_ENV") production = kv.value === "production";
      }
      if (ins.keyword === "COPY" && state === null) {
        const from = flagValue(ins.flags, "from");
        const source = from
          ? stages.find((s) => s.normalizedName === from.toLowerCase() || s.label === from)
          : null;
        const copied = source ? out[source.index] : null;
        if (copied && copiesNodeModules(ins, escapeChar)) state = { dev: copied.dev, line: ins.line };
      }
      if (ins.keyword !== "RUN") continue;
      for (const words of simpleCommands(runScript(ins))) {
        if (npmCi(words) || isNpmInstallFromManifest(words)) {
          const inline = /\bNODE_ENV=production\b/.test(ins.args);
          state = { dev: !(production || inline || words.some(OMITS_DEV)), line: ins.line };
        } else if (state && npmPruneProduction(words)) state = { dev: false, line: ins.line };
      }
    }
    out.push(state);
    prodEnv.push(production);
  }
  return out;
}

function copiesNodeModules(ins: Instruction, escapeChar: "\\" | "`"): boolean {
  return copyPaths(ins, escapeChar).sources.some(
    (src) => /(^|\/)node_modules\/?$/.test(src) || src === "." || src === "/",
  );
}

/** The dev-dependencies finding for the shipping stage, if its node_modules still hold them. */
export function devDependencyFindings(ctx: RuleContext): Finding[] {
  const states = nodeModulesStates(ctx.stages, ctx.escapeChar);
  const shipping = ctx.target.shipping;
  const state = states[shipping];
  if (!state?.dev) return [];
  return [
    {
      id: "dev-dependencies-shipped",
      severity: "warning",
      line: state.line,
      stage: shipping,
      title: "The final image ships dev dependencies",
      why: "node_modules in the final image still holds devDependencies (test runners, compilers, linters): more to pull and more packages with CVEs, none of them needed to run the app.",
      fix: "Install with npm ci --omit=dev in the stage that ships (or set NODE_ENV=production first), or run npm prune --omit=dev in the build stage before copying node_modules out.",
    },
  ];
}
