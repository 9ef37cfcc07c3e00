// The stage explorer's lists: problems, findings, the stages as text, what crosses into the
// shipping stage and the size estimate. Loaded with stage-results.tsx, never on first paint.

import type { ReactNode } from "react";
import type { DockerfileAnalysis, Finding, Problem, ShippedContent, Stage } from "@/lib/docker/dockerfile";

/** Most items any one list shows; a 256 KB paste can hold thousands of stages. */
export const LIST_LIMIT = 100;

/** A stage as the explorer names it: its name, or "stage 2" when it has none (write "the image is <name>"). */
export function stageName(stage: Stage | undefined): string {
  if (!stage) return "an unknown stage";
  return stage.name ?? `stage ${stage.index}`;
}

/** "1 stage", "3 findings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function More({ total }: { total: number }) {
  return total > LIST_LIMIT ? (
    <p className="text-sm text-[var(--fg-muted)]">…and {total - LIST_LIMIT} more not shown.</p>
  ) : null;
}

function Badge({ tone, children }: { tone: "error" | "warning" | "info"; children: string }) {
  const classes = {
    error: "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100",
    warning: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
    info: "bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100",
  }[tone];
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${classes}`}>{children}</span>
  );
}

export function ProblemItem({
  problem,
  lineButton,
}: {
  problem: Problem;
  lineButton: (line: number) => ReactNode;
}) {
  return (
    <li className="flex list-none flex-wrap items-baseline gap-2 text-sm">
      <Badge tone={problem.severity}>{problem.severity}</Badge>
      {lineButton(problem.line)}
      <span className="min-w-0 basis-full sm:basis-auto sm:flex-1">{problem.message}</span>
    </li>
  );
}

export function FindingItem({
  finding,
  stages,
  lineButton,
}: {
  finding: Finding;
  stages: readonly Stage[];
  lineButton: (line: number) => ReactNode;
}) {
  return (
    <li className="list-none rounded-lg border border-[var(--border)] p-3 text-sm" data-finding={finding.id}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={finding.severity}>{finding.severity}</Badge>
        {lineButton(finding.line)}
        <span className="text-[var(--fg-muted)]">
          {finding.stage === null ? "whole file" : `stage ${stageName(stages[finding.stage])}`}
        </span>
      </p>
      <p className="mt-1 font-semibold">{finding.title}</p>
      <p className="mt-1">
        <span className="font-medium">Why: </span>
        {finding.why}
      </p>
      <p className="mt-1">
        <span className="font-medium">Fix: </span>
        {finding.fix}
      </p>
    </li>
  );
}

/** The text version of the graph: every stage, its base, its state and what it takes from where. */
export function StageList({ analysis }: { analysis: DockerfileAnalysis }) {
  const { stages, target } = analysis;
  const verb = { from: "starts FROM", copy: "copies from", mount: "mounts" } as const;
  return (
    <details className="text-sm" open={stages.length <= 6}>
      <summary className="cursor-pointer font-medium">Stages in build order, as text</summary>
      <ol className="mt-2 grid gap-2 pl-0">
        {stages.slice(0, LIST_LIMIT).map((stage) => {
          const state =
            stage.index === target.shipping
              ? "ships"
              : target.skipped.includes(stage.index)
                ? "skipped"
                : "built, then discarded";
          const uses = [
            ...analysis.edges
              .filter((e) => e.toStage === stage.index)
              .map((e) => `${verb[e.kind]} ${stageName(stages[e.fromStage])} (line ${e.line})`),
            ...analysis.externalImages
              .filter((u) => u.stage === stage.index)
              .map(
                (u) => `${u.kind === "copy" ? "copies from" : "mounts"} image ${u.image} (line ${u.line})`,
              ),
          ];
          return (
            <li key={stage.index} className="list-none">
              <span className="font-semibold">
                #{stage.index} {stage.name ?? "(unnamed)"}
              </span>{" "}
              — <code>FROM {stage.fromResolved}</code> — <strong>{state}</strong>
              {uses.length > 0 ? `; ${uses.join("; ")}` : ""}
            </li>
          );
        })}
      </ol>
      <More total={stages.length} />
    </details>
  );
}

export function ShippedList({
  shipped,
  stages,
  shippingName,
}: {
  shipped: readonly ShippedContent[];
  stages: readonly Stage[];
  shippingName: string;
}) {
  if (shipped.length === 0) {
    return (
      <p className="text-sm">
        Nothing crosses into <strong>{shippingName}</strong> from another stage or image: everything in it is
        built there.
      </p>
    );
  }
  return (
    <div>
      <p className="text-sm font-medium">
        What crosses into <strong>{shippingName}</strong>:
      </p>
      <ul className="mt-1 grid gap-1 pl-0 text-sm">
        {shipped.slice(0, LIST_LIMIT).map((item, i) => (
          <li key={i} className="list-none">
            {item.kind === "inherit" ? (
              <>
                everything in stage <strong>{stageName(stages[item.fromStage ?? -1])}</strong> (
                <code>FROM {stageName(stages[item.fromStage ?? -1])}</code>, line {item.line})
              </>
            ) : (
              <>
                <code>{item.sources.join(" ") || "?"}</code> → <code>{item.destination ?? "?"}</code> from{" "}
                {item.image ? (
                  <>
                    image <code>{item.image}</code>
                  </>
                ) : (
                  <>
                    stage <strong>{stageName(stages[item.fromStage ?? -1])}</strong>
                  </>
                )}{" "}
                (line {item.line})
              </>
            )}
          </li>
        ))}
      </ul>
      <More total={shipped.length} />
    </div>
  );
}

export function SizeEstimate({ analysis }: { analysis: DockerfileAnalysis }) {
  const estimate = analysis.estimatedSize;
  if (!estimate) {
    return (
      <p className="text-sm text-[var(--fg-muted)]">
        Estimated size: unknown. There is no published figure for this base image in the lesson’s data.
      </p>
    );
  }
  return (
    <div className="text-sm">
      <p>
        Estimated final size: <strong>at least {estimate.display}</strong>, an estimate of the base image{" "}
        <code>{estimate.baseImage}</code> only; your app and its dependencies come on top.
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer text-[var(--link)]">Where does this number come from?</summary>
        <p className="mt-1 text-[var(--fg-muted)]">{estimate.basis}</p>
      </details>
    </div>
  );
}
