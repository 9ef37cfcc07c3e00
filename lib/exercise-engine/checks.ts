// The check kinds: each reads the analysis of the submitted Dockerfile (lib/docker/dockerfile) and
// answers passed or not, the line it concerns (when one does) and one specific sentence.

import type { DockerfileAnalysis, Stage } from "@/lib/docker/dockerfile";
import {
  dependencyInstall,
  MANIFESTS,
  runMounts,
  runScript,
  simpleCommands,
} from "@/lib/docker/dockerfile/commands";
import { parseImage, rootImage } from "@/lib/docker/dockerfile/findings";
import { copyPaths, fromChain } from "@/lib/docker/dockerfile/graph";
import { type CheckInput, type CheckResult, fail, findStage, pass, stageNames } from "./check-common";
import { instructionCheck } from "./check-instruction";
import { pathCheck } from "./check-paths";
import type { ExerciseCheck } from "./schema";

/** Runs one check on an analysed Dockerfile. Never throws on any analysis. */
export function runCheck(check: ExerciseCheck, input: CheckInput): CheckResult {
  const { analysis } = input;
  switch (check.kind) {
    case "base-image":
      return baseImage(analysis, check.allowed);
    case "stage-exists": {
      const stage = findStage(analysis.stages, check.name);
      return stage
        ? pass(`Stage "${stage.name}" starts on line ${stage.line}.`, stage.line)
        : fail(`No stage is named "${check.name}"${stageNames(analysis.stages)}.`);
    }
    case "stage-count":
      return stageCount(analysis, check.min, check.max);
    case "copies-from-stage":
      return copiesFrom(analysis, check.stage);
    case "path-ships":
    case "path-stays-out":
      return pathCheck(check, input);
    case "no-finding":
      return noFinding(analysis, check.rule, check.scope);
    case "instruction":
      return instructionCheck(check, analysis);
    case "max-size":
      return maxSize(analysis, check.mb);
    case "install-before-source":
      return installBeforeSource(analysis, check.stage);
  }
}

/** "node:*-alpine" → a whole-string pattern where * is any run of characters. */
function imagePattern(pattern: string): RegExp {
  const { repo, tag } = parseImage(pattern);
  const text = tag === null ? repo : `${repo}:${tag}`;
  const source = text
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`);
}

function baseImage(analysis: DockerfileAnalysis, allowed: readonly string[]): CheckResult {
  const shipping = analysis.target.shipping;
  const chain = fromChain(analysis.stages, shipping);
  const root = chain[chain.length - 1];
  const line = root?.line ?? null;
  const image = rootImage(analysis.stages, shipping);
  if (!image) return fail("The final stage's base could not be followed to an image.", line);
  const { repo, tag } = parseImage(image);
  const written = tag === null ? repo : `${repo}:${tag}`;
  const ok = allowed.some((pattern) => imagePattern(pattern).test(written));
  const list = allowed.join(", ");
  return ok
    ? pass(`The final image starts from ${image}.`, line)
    : fail(`The final image starts from ${image}; this exercise expects one of: ${list}.`, line);
}

function stageCount(analysis: DockerfileAnalysis, min?: number, max?: number): CheckResult {
  const count = analysis.stages.length;
  const what = `${count} stage${count === 1 ? "" : "s"}`;
  const bounds =
    min !== undefined && max !== undefined
      ? min === max
        ? `exactly ${min}`
        : `${min} to ${max}`
      : min !== undefined
        ? `at least ${min}`
        : `at most ${max}`;
  const ok = (min === undefined || count >= min) && (max === undefined || count <= max);
  // Too many: the first stage over the limit; too few: nothing to point at.
  const line = !ok && max !== undefined && count > max ? (analysis.stages[max]?.line ?? null) : null;
  return ok
    ? pass(`The file has ${what}.`, null)
    : fail(`The file has ${what}; this exercise expects ${bounds}.`, line);
}

function copiesFrom(analysis: DockerfileAnalysis, name: string): CheckResult {
  const stage = findStage(analysis.stages, name);
  const shipping = analysis.stages[analysis.target.shipping];
  if (!stage)
    return fail(
      `No stage is named "${name}"${stageNames(analysis.stages)}, so the final image can't copy from it.`,
    );
  if (!shipping || shipping.index === stage.index)
    return fail(
      `"${stage.name}" is the final stage itself; add a separate final stage that copies from it.`,
      stage.line,
    );
  const copy = analysis.shipped.find((s) => s.kind === "copy" && s.fromStage === stage.index);
  if (copy)
    return pass(`Line ${copy.line} copies ${copy.sources.join(", ")} from "${stage.name}".`, copy.line);
  const inherits = analysis.shipped.find((s) => s.kind === "inherit" && s.fromStage === stage.index);
  if (inherits)
    return fail(
      `The final image is built FROM "${stage.name}", so it keeps all of it; COPY --from=${stage.normalizedName} only what runs.`,
      inherits.line,
    );
  return fail(
    `The final stage copies nothing from "${stage.name}" (COPY --from=${stage.normalizedName} …).`,
    shipping.line,
  );
}

function noFinding(analysis: DockerfileAnalysis, rule: string, scope: "final" | "file"): CheckResult {
  const chain = new Set(fromChain(analysis.stages, analysis.target.shipping).map((s) => s.index));
  const found = analysis.findings.find(
    (f) => f.id === rule && (scope === "file" || f.stage === null || chain.has(f.stage)),
  );
  return found ? fail(`${found.title}.`, found.line || null) : pass(null);
}

function maxSize(analysis: DockerfileAnalysis, limit: number): CheckResult {
  const size = analysis.estimatedSize;
  const shipping = analysis.stages[analysis.target.shipping];
  const image = rootImage(analysis.stages, analysis.target.shipping);
  const line = fromChain(analysis.stages, analysis.target.shipping).at(-1)?.line ?? shipping?.line ?? null;
  if (!size)
    return fail(
      `The size data has no figure for ${image ?? "the final base image"}, so the size can't be estimated; it knows node:20, node:20-slim, node:20-alpine, gcr.io/distroless/nodejs20 and scratch.`,
      line,
    );
  const over = size.mb > limit;
  const detail = `${size.baseImage} is ${size.display} (${size.mapped ? "estimated from a related image" : "Part 7 fact sheet"}) before your app's own files${over ? `, over the ${limit} MB limit` : `, within ${limit} MB`}.`;
  return over ? fail(detail, line) : pass(detail, line);
}

const MANIFEST_FILE =
  /(?:^|\/)(?:package(?:-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|\.npmrc|yarn\.lock|\.yarnrc\.yml|pnpm-lock\.yaml|requirements[^/]*\.txt|go\.(?:mod|sum)|pom\.xml|mvnw|\.mvn\/?|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|gradlew|gradle\/?|Gemfile(?:\.lock)?)$/;

function installBeforeSource(analysis: DockerfileAnalysis, name?: string): CheckResult {
  const candidates = name
    ? [findStage(analysis.stages, name)].filter((s): s is Stage => s !== null)
    : analysis.stages;
  if (name && candidates.length === 0)
    return fail(`No stage is named "${name}"${stageNames(analysis.stages)}.`);
  for (const stage of candidates) {
    const install = stage.instructions.find(
      (i) => i.keyword === "RUN" && simpleCommands(runScript(i)).some((w) => dependencyInstall(w) !== null),
    );
    if (!install) continue;
    const ecosystem = simpleCommands(runScript(install))
      .map(dependencyInstall)
      .find((e) => e !== null);
    const manifests = ecosystem ? MANIFESTS[ecosystem] : "the dependency manifest";
    let manifestCopied = runMounts(install).some((m) => m.source !== null && MANIFEST_FILE.test(m.source));
    for (const ins of stage.instructions) {
      if (ins === install) break;
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.some((f) => f.name === "from"))
        continue;
      const { sources } = copyPaths(ins, analysis.directives.escape);
      const other = sources.find((s) => !MANIFEST_FILE.test(s.replace(/\/$/, "")) && !MANIFEST_FILE.test(s));
      if (other !== undefined)
        return fail(
          `Line ${ins.line} copies ${other} before the install on line ${install.line}: every source edit reinstalls the dependencies. Copy ${manifests} first.`,
          ins.line,
        );
      manifestCopied = true;
    }
    return manifestCopied
      ? pass(
          `${manifests} come in before the install on line ${install.line}, the source after it.`,
          install.line,
        )
      : fail(`The install on line ${install.line} runs before ${manifests} is copied in.`, install.line);
  }
  return fail(
    name
      ? `Stage "${name}" installs no dependencies (npm ci, go mod download, mvn dependency:go-offline, pip install -r …).`
      : "No stage installs dependencies from a manifest (npm ci, go mod download, mvn dependency:go-offline, pip install -r …).",
  );
}
