// The one entry point the stage explorer calls: Dockerfile text in, a typed analysis out.
// Input the explorer can't analyse at all (empty, too large, no FROM) comes back as an error value;
// anything else comes back as an analysis whose `problems` say what `docker build` would reject.

import { lookupBaseImageSize } from "../size-data";
import { collectFindings, rootImage } from "./findings";
import { copyPaths, fromChain, selectTarget } from "./graph";
import { parseDockerfile, utf8Length } from "./parser";
import { buildStageModel } from "./stages";
import type { AnalyzeOptions, AnalyzeResult, ShippedContent, SizeEstimate, Stage } from "./types";
import { flagIsSet, flagValue } from "./words";

/** Largest Dockerfile we analyse; real ones are a few KB. */
export const MAX_DOCKERFILE_BYTES = 256 * 1024;

/**
 * Analyses a Dockerfile the way BuildKit reads it: stages, the edges between them, what a build
 * (optionally with --target) ships and skips, what crosses into the final image, an estimated base
 * size and best-practice findings.
 */
export function analyzeDockerfile(text: string, options: AnalyzeOptions = {}): AnalyzeResult {
  if (text.length > MAX_DOCKERFILE_BYTES || utf8Length(text) > MAX_DOCKERFILE_BYTES) {
    return {
      ok: false,
      error: {
        code: "too-large",
        message: `This file is over ${MAX_DOCKERFILE_BYTES / 1024} KB. Paste a Dockerfile, not a whole project.`,
      },
    };
  }
  if (text.trim() === "") {
    return { ok: false, error: { code: "empty", message: "Paste a Dockerfile to see its stages." } };
  }
  const parsed = parseDockerfile(text);
  const escapeChar = parsed.directives.escape;
  const model = buildStageModel(parsed.instructions, escapeChar);
  if (model.stages.length === 0) {
    // A file BuildKit can't even read (a line over 64 KB) says why, not "no FROM".
    const unreadable = parsed.problems.find((p) => p.severity === "error" && p.message.includes("64 KB"));
    return {
      ok: false,
      error: {
        code: "no-from",
        message: unreadable
          ? `No FROM instruction could be read. Line ${unreadable.line}: ${unreadable.message}`
          : "No FROM instruction found: every Dockerfile starts its first stage with FROM <image>.",
      },
    };
  }
  const problems = [...parsed.problems, ...model.problems];
  const target = selectTarget(model.stages, model.edges, options.target, problems);
  // Findings are about the file: the image `docker build` makes without --target.
  const fileTarget = target.explicit ? selectTarget(model.stages, model.edges, undefined, []) : target;
  const shipChain = new Set(fromChain(model.stages, fileTarget.shipping).map((s) => s.index));
  const findings = collectFindings({
    stages: model.stages,
    edges: model.edges,
    target: fileTarget,
    directives: parsed.directives,
    globalArgs: model.globalArgs,
    shipChain,
    escapeChar,
  });
  problems.sort((a, b) => a.line - b.line);

  return {
    ok: true,
    analysis: {
      directives: parsed.directives,
      globalArgs: model.globalArgs,
      stages: model.stages,
      edges: model.edges,
      externalImages: model.externalImages,
      target,
      shipped: shippedContent(model.stages, target.shipping, escapeChar),
      estimatedSize: estimateSize(model.stages, target.shipping),
      findings,
      problems,
      lineCount: parsed.lineCount,
    },
  };
}

/** Everything that reaches the shipping stage from another stage or image. */
function shippedContent(
  stages: readonly Stage[],
  shipping: number,
  escapeChar: "\\" | "`",
): ShippedContent[] {
  const out: ShippedContent[] = [];
  const chain = fromChain(stages, shipping);
  const byName = new Map<string, Stage>();
  for (const stage of stages) if (stage.normalizedName) byName.set(stage.normalizedName, stage);
  for (const stage of chain) {
    if (stage.base.kind === "stage") {
      out.push({
        kind: "inherit",
        line: stage.line,
        intoStage: stage.index,
        fromStage: stage.base.stage,
        image: null,
        sources: [],
        destination: null,
        link: false,
        chown: null,
      });
    }
    for (const ins of stage.instructions) {
      const from = ins.keyword === "COPY" ? flagValue(ins.flags, "from") : null;
      if (!from) continue;
      const index = /^\d+$/.test(from) ? Number(from) : undefined;
      const source = index !== undefined ? stages[index] : byName.get(from.toLowerCase());
      const { sources, destination } = copyPaths(ins, escapeChar);
      out.push({
        kind: "copy",
        line: ins.line,
        intoStage: stage.index,
        fromStage: source ? source.index : null,
        image: source ? null : from,
        sources,
        destination,
        link: flagIsSet(ins.flags, "link"),
        chown: flagValue(ins.flags, "chown") ?? null,
      });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

function estimateSize(stages: readonly Stage[], shipping: number): SizeEstimate | null {
  const image = rootImage(stages, shipping);
  if (!image) return null;
  const known = lookupBaseImageSize(image);
  if (!known) return null;
  return {
    baseImage: image,
    mb: known.mb,
    display: known.display,
    baseOnly: true,
    mapped: known.estimate,
    basis: `${known.basis} Base image only: your app and its dependencies come on top.`,
  };
}
