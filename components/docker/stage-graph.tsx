import { useId } from "react";
import type { DockerfileAnalysis } from "@/lib/docker/dockerfile";
import { type EdgeKind, edgePath, layoutStageGraph, NODE_W, type NodeStatus } from "./stage-graph-layout";

/** Characters of 12px monospace that fit in a node (about 7.2px each, 12px padding a side). */
const MONO_CHARS = Math.floor((NODE_W - 24) / 7.25);

const STATUS_TEXT: Record<NodeStatus, string> = {
  ships: "ships: this stage is the image",
  built: "built, then discarded",
  skipped: "skipped for this target",
  image: "external image",
};

const EDGE_CLASS: Record<EdgeKind | "muted", { line: string; head: string }> = {
  from: { line: "stroke-[var(--fg)]", head: "fill-[var(--fg)]" },
  copy: { line: "stroke-brand-600 dark:stroke-brand-300", head: "fill-brand-600 dark:fill-brand-300" },
  mount: { line: "stroke-violet-700 dark:stroke-violet-300", head: "fill-violet-700 dark:fill-violet-300" },
  muted: { line: "stroke-[var(--fg-muted)]", head: "fill-[var(--fg-muted)]" },
};

/** Solid, dashed and dotted lines tell the three kinds of edge apart without colour. */
const EDGE_DASH: Record<EdgeKind, string | undefined> = {
  from: undefined,
  copy: "7 4",
  mount: "1.5 4",
};

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const NODE_CLASS: Record<NodeStatus, { box: string; text: string; status: string }> = {
  ships: {
    box: "fill-brand-50 stroke-brand-600 dark:fill-brand-700/25 dark:stroke-brand-300",
    text: "fill-[var(--fg)]",
    status: "fill-brand-700 font-semibold dark:fill-brand-300",
  },
  built: {
    box: "fill-[var(--bg)] stroke-[var(--fg-muted)]",
    text: "fill-[var(--fg)]",
    status: "fill-[var(--fg-muted)]",
  },
  skipped: {
    box: "fill-[var(--bg-soft)] stroke-[var(--fg-muted)]",
    text: "fill-[var(--fg-muted)]",
    status: "fill-[var(--fg-muted)] italic",
  },
  image: { box: "fill-[var(--bg)] stroke-[var(--fg-muted)]", text: "fill-[var(--fg-muted)]", status: "" },
};

/**
 * The stage graph: stages as boxes in file order, external images as dashed boxes, and arrows in
 * a gutter on the right for FROM <stage> (solid), COPY --from (dashed) and RUN --mount from= (dotted).
 * The shipping stage is outlined and says "ships"; stages the target skips are grey and say "skipped".
 */
export function StageGraph({ analysis, summary }: { analysis: DockerfileAnalysis; summary: string }) {
  const uid = useId().replace(/[^\w-]/g, "");
  const { nodes, edges, width, height } = layoutStageGraph(analysis);
  const marker = (kind: EdgeKind | "muted") => `${uid}-arrow-${kind}`;
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="block h-auto max-w-full"
      data-stage-graph=""
    >
      <defs>
        {(["from", "copy", "mount", "muted"] as const).map((kind) => (
          <marker
            key={kind}
            id={marker(kind)}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0 0 L10 5 L0 10 z" className={EDGE_CLASS[kind].head} />
          </marker>
        ))}
      </defs>
      {edges.map((edge) => {
        const style = EDGE_CLASS[edge.muted ? "muted" : edge.kind];
        return (
          <path
            key={edge.key}
            d={edgePath(edge)}
            fill="none"
            strokeWidth="2"
            strokeLinecap={edge.kind === "mount" ? "round" : "butt"}
            strokeDasharray={EDGE_DASH[edge.kind]}
            className={style.line}
            markerEnd={`url(#${marker(edge.muted ? "muted" : edge.kind)})`}
            data-edge={edge.kind}
          />
        );
      })}
      {nodes.map((node) => {
        const style = NODE_CLASS[node.status];
        const ships = node.status === "ships";
        return (
          <g key={node.key} data-node={node.key} data-status={node.status}>
            <rect
              x={ships ? 1.5 : 1}
              y={node.y}
              width={NODE_W - (ships ? 3 : 2)}
              height={node.h}
              rx="6"
              strokeWidth={ships ? 3 : 1.5}
              strokeDasharray={
                node.status === "skipped" ? "5 3" : node.status === "image" ? "2 3" : undefined
              }
              className={style.box}
            />
            {node.status === "image" ? (
              <>
                <text x="12" y={node.y + 18} className={`text-[11px] ${style.text}`}>
                  {node.title}
                </text>
                <text x="12" y={node.y + 35} className="fill-[var(--fg)] font-mono text-[12px]">
                  {truncate(node.detail, MONO_CHARS)}
                </text>
              </>
            ) : (
              <>
                <text x="12" y={node.y + 19} className={`text-[13px] font-semibold ${style.text}`}>
                  {truncate(node.title, 26)}
                </text>
                <text x="12" y={node.y + 36} className={`font-mono text-[12px] ${style.text}`}>
                  {truncate(node.detail, MONO_CHARS)}
                </text>
                <text x="12" y={node.y + 53} className={`text-[11.5px] ${style.status}`}>
                  {STATUS_TEXT[node.status]}
                </text>
              </>
            )}
            <title>{`${node.title}: ${node.detail} (${STATUS_TEXT[node.status]})`}</title>
          </g>
        );
      })}
    </svg>
  );
}

/** The legend for the graph's line styles and node states, in words and samples. */
export function StageGraphLegend() {
  const sample = (kind: EdgeKind) => (
    <svg width="34" height="10" aria-hidden="true" className="shrink-0">
      <line
        x1="1"
        y1="5"
        x2="33"
        y2="5"
        strokeWidth="2"
        strokeDasharray={EDGE_DASH[kind]}
        strokeLinecap={kind === "mount" ? "round" : "butt"}
        className={EDGE_CLASS[kind].line}
      />
    </svg>
  );
  const box = (className: string, dash?: string) => (
    <svg width="34" height="14" aria-hidden="true" className="shrink-0">
      <rect x="1.5" y="1.5" width="31" height="11" rx="3" strokeDasharray={dash} className={className} />
    </svg>
  );
  const items = [
    [sample("from"), "FROM <stage>: starts from that stage"],
    [sample("copy"), "COPY --from: copies files out of it"],
    [sample("mount"), "RUN --mount=…,from=: mounts it for one step"],
    [box(`${NODE_CLASS.ships.box} stroke-[3]`), "ships: becomes the image"],
    [box(`${NODE_CLASS.built.box} stroke-[1.5]`), "built, then discarded"],
    [box(`${NODE_CLASS.skipped.box} stroke-[1.5]`, "5 3"), "skipped for this target"],
    [box(`${NODE_CLASS.image.box} stroke-[1.5]`, "2 3"), "external image"],
  ] as const;
  return (
    <ul aria-label="Legend" className="grid gap-1.5 pl-0 text-sm">
      {items.map(([icon, text]) => (
        <li key={text} className="flex list-none items-center gap-2">
          {icon}
          <span>{text}</span>
        </li>
      ))}
    </ul>
  );
}
