// Findings about what RUN steps do: npm install vs npm ci, apt-get hygiene, pip's cache, and
// dependency installs whose layer cache is thrown away by an earlier `COPY . .`.
// apt and pip leftovers cost size only in stages whose layers ship (the shipping stage and its FROM
// ancestors); in a builder they are discarded, so those rules skip builders.

import {
  type DependencyEcosystem,
  dependencyInstall,
  isAptInstall,
  isNpmInstallFromManifest,
  isPipInstall,
  MANIFESTS,
  runMounts,
  runScript,
  simpleCommands,
} from "./commands";
import { copyPaths, inheritedFlags } from "./graph";
import type { RuleContext } from "./rule-context";
import type { Finding, Instruction, Stage } from "./types";
import { flagValue, parseKeyValues } from "./words";

const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|package\*\.json)$/;
const WHOLE_CONTEXT = new Set([".", "./"]);

/** RUN-related findings for every stage (size-only rules for shipping stages only). */
export function runFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const copiesLock = (ins: Instruction) =>
    (ins.keyword === "COPY" || ins.keyword === "ADD") &&
    copyPaths(ins, ctx.escapeChar).sources.some((src) => LOCKFILE.test(src));
  const setsPipNoCache = (ins: Instruction) =>
    ins.keyword === "ENV" &&
    parseKeyValues(ins.args, ctx.escapeChar, true).some((kv) => kv.key === "PIP_NO_CACHE_DIR");
  const lockInStage = inheritedFlags(ctx.stages, (s) => s.instructions.some(copiesLock));
  const pipOffInStage = inheritedFlags(ctx.stages, (s) => s.instructions.some(setsPipNoCache));
  const inherited = (flags: boolean[], stage: Stage) =>
    stage.base.kind === "stage" && flags[stage.base.stage] === true;
  for (const stage of ctx.stages) {
    const ships = ctx.shipChain.has(stage.index);
    // A lock file copied in a FROM-ancestor counts as copied before every line of this stage.
    const lockfileLines = [
      ...(inherited(lockInStage, stage) ? [0] : []),
      ...stage.instructions.filter(copiesLock).map((i) => i.line),
    ];
    const pipOffBefore = (line: number) =>
      inherited(pipOffInStage, stage) || stage.instructions.some((i) => i.line < line && setsPipNoCache(i));
    let wholeCopy: Instruction | null = null;
    let cacheBustReported = false;
    for (const ins of stage.instructions) {
      if ((ins.keyword === "COPY" || ins.keyword === "ADD") && !flagValue(ins.flags, "from")) {
        if (copyPaths(ins, ctx.escapeChar).sources.some((src) => WHOLE_CONTEXT.has(src))) wholeCopy ??= ins;
        continue;
      }
      if (ins.keyword !== "RUN") continue;
      const commands = simpleCommands(runScript(ins));
      const mounts = runMounts(ins);

      const ecosystem = commands.map(dependencyInstall).find((e): e is DependencyEcosystem => e !== null);
      if (ecosystem && wholeCopy && !cacheBustReported) {
        cacheBustReported = true;
        findings.push(copyBeforeInstall(stage, wholeCopy, ins, ecosystem));
      }

      if (commands.some(isNpmInstallFromManifest)) {
        const lockMounted = mounts.some((m) => m.source !== null && LOCKFILE.test(m.source));
        const hasLock = lockMounted || lockfileLines.some((line) => line < ins.line);
        findings.push({
          id: "npm-install",
          severity: hasLock ? "warning" : "info",
          line: ins.line,
          stage: stage.index,
          title: "npm install where npm ci fits",
          why: hasLock
            ? "The lock file is in the build, but npm install may still update it and resolve different versions. npm ci installs exactly what package-lock.json says, fails if it disagrees with package.json, and starts from a clean node_modules."
            : "npm install resolves versions at build time, so two builds of the same commit can differ. With a committed package-lock.json, npm ci installs exactly the locked versions, which makes builds reproducible.",
          fix: hasLock
            ? "Use npm ci (npm ci --omit=dev for production dependencies only)."
            : "Commit package-lock.json, COPY package.json package-lock.json ./ and run npm ci (--omit=dev in the runtime stage).",
        });
      }

      if (ships)
        findings.push(
          ...aptFindings(stage, ins, commands, mounts),
          ...pipFindings(stage, ins, commands, mounts, pipOffBefore),
        );
    }
  }
  return findings;
}

function copyBeforeInstall(
  stage: Stage,
  copy: Instruction,
  install: Instruction,
  ecosystem: DependencyEcosystem,
): Finding {
  return {
    id: "copy-all-before-install",
    severity: "warning",
    line: copy.line,
    stage: stage.index,
    title: "COPY of the whole context before installing dependencies",
    why: `The dependency install on line ${install.line} comes after this copy of everything, so any source edit invalidates its layer cache and every build reinstalls all dependencies.`,
    fix: `Copy only ${MANIFESTS[ecosystem]} first, run the install, and COPY . . after it.`,
  };
}

function aptFindings(
  stage: Stage,
  ins: Instruction,
  commands: string[][],
  mounts: ReturnType<typeof runMounts>,
): Finding[] {
  const installs = commands.filter(isAptInstall);
  if (installs.length === 0) return [];
  const findings: Finding[] = [];
  const listsCached = mounts.some((m) => m.type === "cache" && (m.target ?? "").startsWith("/var/lib/apt"));
  const listsRemoved = commands.some(
    (words) => words[0] === "rm" && words.some((w) => w.startsWith("/var/lib/apt/lists")),
  );
  if (!listsCached && !listsRemoved) {
    findings.push({
      id: "apt-lists-not-removed",
      severity: "warning",
      line: ins.line,
      stage: stage.index,
      title: "apt package lists stay in the image",
      why: "apt-get update downloads package indexes to /var/lib/apt/lists (often tens of MB). Removing them in a later RUN doesn't help: they're already in this layer.",
      fix: "End the same RUN with && rm -rf /var/lib/apt/lists/*, or use RUN --mount=type=cache,target=/var/lib/apt/lists.",
    });
  }
  const recommends = installs.some(
    (words) =>
      !words.includes("--no-install-recommends") &&
      !words.some((w) => /Install-Recommends=(?:false|0)/i.test(w)),
  );
  if (recommends) {
    findings.push({
      id: "apt-no-recommends",
      severity: "info",
      line: ins.line,
      stage: stage.index,
      title: "apt-get install without --no-install-recommends",
      why: 'By default apt also installs "recommended" packages the app rarely needs, which adds size and CVEs to the final image.',
      fix: "apt-get install -y --no-install-recommends <packages>.",
    });
  }
  return findings;
}

function pipFindings(
  stage: Stage,
  ins: Instruction,
  commands: string[][],
  mounts: ReturnType<typeof runMounts>,
  pipOffBefore: (line: number) => boolean,
): Finding[] {
  const uncached = commands.filter(isPipInstall).some((words) => !words.includes("--no-cache-dir"));
  if (!uncached) return [];
  if (mounts.some((m) => m.type === "cache" && /pip|\.cache/.test(m.target ?? ""))) return [];
  if (pipOffBefore(ins.line)) return [];
  return [
    {
      id: "pip-cache",
      severity: "warning",
      line: ins.line,
      stage: stage.index,
      title: "pip install keeps its download cache in the image",
      why: "pip caches every downloaded wheel under ~/.cache/pip; in a stage that ships, that cache ships too.",
      fix: "pip install --no-cache-dir …, or keep the cache out of the layer with RUN --mount=type=cache,target=/root/.cache/pip.",
    },
  ];
}
