// The stage explorer's lazily loaded half: the Dockerfile analyzer and everything that draws its
// result. stage-explorer.tsx imports this module with import() on first use, so none of it is in
// the lesson page's initial JavaScript.

import { memo, useId } from "react";
import type { CacheReport } from "@/lib/docker/cache/layer-cache";
import { analyzeDockerfile, type DockerfileAnalysis, MAX_DOCKERFILE_BYTES } from "@/lib/docker/dockerfile";
import { CacheReportView, CacheRules } from "./cache-report";
import { CacheControls, type CacheSettings, declaredArgs, suggestedPaths } from "./stage-cache";
import { StageGraph, StageGraphLegend } from "./stage-graph";
import { MAX_GRAPH_STAGES } from "./stage-graph-layout";
import {
  FindingItem,
  LIST_LIMIT,
  More,
  ProblemItem,
  plural,
  ShippedList,
  SizeEstimate,
  StageList,
  stageName,
} from "./stage-lists";

/** The analyzer's own message when `text` is over its size limit, else null. */
export function tooLargeMessage(text: string): string | null {
  if (new TextEncoder().encode(text).length <= MAX_DOCKERFILE_BYTES) return null;
  const result = analyzeDockerfile(text);
  return result.ok ? null : result.error.message;
}

/** "3 stages, ships runner, 2 findings": what the live region announces after each analysis. */
export function announce(analysis: DockerfileAnalysis): string {
  const parts = [
    plural(analysis.stages.length, "stage"),
    `ships ${stageName(analysis.stages[analysis.target.shipping])}`,
    plural(analysis.findings.length, "finding"),
  ];
  if (analysis.target.skipped.length > 0) parts.push(`${analysis.target.skipped.length} skipped`);
  const errors = analysis.problems.filter((p) => p.severity === "error").length;
  if (errors > 0) parts.push(plural(errors, "error"));
  return parts.join(", ");
}

type Props = {
  analysis: DockerfileAnalysis;
  onSelectLine: (line: number) => void;
  cache: CacheReport | null;
  cacheSettings: CacheSettings;
  onCacheSettings: (next: CacheSettings) => void;
};

/** Everything the explorer shows for one analysis. Memoised: typing re-renders the shell, not this. */
export const StageResults = memo(function StageResults({
  analysis,
  onSelectLine,
  cache,
  cacheSettings,
  onCacheSettings,
}: Props) {
  const id = useId();
  const { stages, target } = analysis;
  const shipping = stages[target.shipping];
  const lineButton = (line: number) =>
    line > 0 ? (
      <button
        type="button"
        onClick={() => onSelectLine(line)}
        className="rounded border border-[var(--border)] bg-[var(--bg)] px-1.5 font-mono text-xs text-[var(--link)] hover:bg-[var(--bg-soft)]"
      >
        Line {line}
      </button>
    ) : (
      <span className="text-xs text-[var(--fg-muted)]">whole build</span>
    );
  const graphSummary = `Stage graph: ${stages
    .slice(0, MAX_GRAPH_STAGES)
    .map(
      (s) =>
        `${stageName(s)} ${s.index === target.shipping ? "(ships)" : target.skipped.includes(s.index) ? "(skipped)" : "(built)"}`,
    )
    .join(", ")}. The list of stages below describes every arrow.`;

  return (
    <div className="grid gap-6">
      {analysis.problems.length > 0 ? (
        <section
          aria-labelledby={`${id}-stage-problems`}
          className="rounded-lg border border-red-700/40 bg-red-50 p-3 dark:bg-red-950/40"
        >
          <h4 id={`${id}-stage-problems`} className="font-semibold text-red-900 dark:text-red-100">
            {plural(analysis.problems.length, "problem")} in this Dockerfile
          </h4>
          <ul className="mt-2 grid gap-2 pl-0">
            {analysis.problems.slice(0, LIST_LIMIT).map((p, i) => (
              <ProblemItem key={i} problem={p} lineButton={lineButton} />
            ))}
          </ul>
          <More total={analysis.problems.length} />
        </section>
      ) : null}

      <section aria-labelledby={`${id}-stage-graph-title`} className="grid gap-3">
        <h4 id={`${id}-stage-graph-title`} className="font-semibold">
          Stages
        </h4>
        {stages.length <= MAX_GRAPH_STAGES ? (
          <div className="grid gap-4 md:grid-cols-[auto_minmax(0,1fr)]">
            <div className="overflow-x-auto">
              <StageGraph analysis={analysis} summary={graphSummary} />
            </div>
            <StageGraphLegend />
          </div>
        ) : (
          <p className="text-sm text-[var(--fg-muted)]">
            {stages.length} stages are too many to draw readably; the list below has them all.
          </p>
        )}
        <StageList analysis={analysis} />
      </section>

      <section aria-labelledby={`${id}-stage-ships-title`} className="grid gap-2">
        <h4 id={`${id}-stage-ships-title`} className="font-semibold">
          What ships
        </h4>
        <p className="text-sm">
          The image is {shipping?.name ? "stage " : ""}
          <strong>{stageName(shipping)}</strong> ({shipping?.name ? `#${target.shipping}, ` : "unnamed, "}
          {shipping ? <code>FROM {shipping.fromResolved}</code> : null})
          {target.explicit ? ", chosen as the build target" : ", the last stage"}.{" "}
          {target.skipped.length > 0
            ? `BuildKit skips ${target.skipped.map((i) => stageName(stages[i])).join(", ")}: the target doesn't need ${target.skipped.length === 1 ? "it" : "them"}.`
            : "Every stage is needed for this target."}
        </p>
        <ShippedList shipped={analysis.shipped} stages={stages} shippingName={stageName(shipping)} />
        <SizeEstimate analysis={analysis} />
      </section>

      <section aria-labelledby={`${id}-stage-cache-title`} className="grid gap-3" data-cache-view="">
        <h4 id={`${id}-stage-cache-title`} className="font-semibold">
          Layer cache: what the next build reuses
        </h4>
        <CacheControls
          settings={cacheSettings}
          onChange={onCacheSettings}
          args={declaredArgs(analysis)}
          paths={suggestedPaths(analysis, cacheSettings)}
        />
        {cache ? <CacheReportView report={cache} onSelectLine={onSelectLine} /> : null}
        <CacheRules />
      </section>

      <section aria-labelledby={`${id}-stage-findings-title`} className="grid gap-2">
        <h4 id={`${id}-stage-findings-title`} className="font-semibold">
          {analysis.findings.length === 0 ? "Findings: none" : `Findings (${analysis.findings.length})`}
        </h4>
        <p className="text-sm text-[var(--fg-muted)]">
          About the file as a whole, whatever target is chosen: the image is what <code>docker build</code>{" "}
          makes without <code>--target</code>.
        </p>
        {analysis.findings.length === 0 ? (
          <p className="text-sm text-[var(--fg-muted)]">No best-practice findings for this file.</p>
        ) : (
          <ol className="grid gap-3 pl-0">
            {analysis.findings.slice(0, LIST_LIMIT).map((f, i) => (
              <FindingItem
                key={`${f.id}-${f.line}-${i}`}
                finding={f}
                stages={stages}
                lineButton={lineButton}
              />
            ))}
          </ol>
        )}
        <More total={analysis.findings.length} />
      </section>
    </div>
  );
});
