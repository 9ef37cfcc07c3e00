// Geometry of the stage graph: where each stage and external image sits and how each arrow runs.
// Pure (no React, no DOM) so it can be tested on its own; stage-graph.tsx only draws the result.

import type { DockerfileAnalysis, StageEdge } from "@/lib/docker/dockerfile";

export type EdgeKind = StageEdge["kind"];
export type NodeStatus = "ships" | "built" | "skipped" | "image";

export interface NodeBox {
  /** "stage:<index>" or "image:<reference>". */
  key: string;
  status: NodeStatus;
  title: string;
  detail: string;
  y: number;
  h: number;
}

export interface EdgeLine {
  key: string;
  kind: EdgeKind;
  from: string;
  to: string;
  /** Dockerfile lines behind this arrow (several COPY --from of one stage share an arrow). */
  lines: number[];
  /** The edge leads into a stage this build skips. */
  muted: boolean;
  y1: number;
  y2: number;
  /** Which vertical track in the gutter the arrow runs in, 0 nearest the nodes. */
  lane: number;
}

export interface GraphLayout {
  nodes: NodeBox[];
  edges: EdgeLine[];
  width: number;
  height: number;
}

/** Above this many stages the drawing stops being readable; the lists still cover everything. */
export const MAX_GRAPH_STAGES = 30;

export const NODE_W = 240;
const STAGE_H = 62;
const IMAGE_H = 46;
const GAP = 18;
const LANE = 12;
const GUTTER = 14;

/**
 * Stages top to bottom in file order, each external image just above its first user, and one
 * arrow per (from, to, kind) in a gutter on the right; arrows share a lane when they don't overlap.
 */
export function layoutStageGraph(analysis: DockerfileAnalysis): GraphLayout {
  const { stages, target } = analysis;
  const nodes: NodeBox[] = [];
  const byKey = new Map<string, NodeBox>();
  let y = 2;
  const add = (node: Omit<NodeBox, "y">) => {
    const box = { ...node, y };
    nodes.push(box);
    byKey.set(box.key, box);
    y += box.h + GAP;
  };
  for (const stage of stages) {
    for (const use of analysis.externalImages) {
      if (use.stage !== stage.index || byKey.has(`image:${use.image}`)) continue;
      add({
        key: `image:${use.image}`,
        status: "image",
        title: "external image",
        detail: use.image,
        h: IMAGE_H,
      });
    }
    const status: NodeStatus =
      stage.index === target.shipping ? "ships" : target.skipped.includes(stage.index) ? "skipped" : "built";
    add({
      key: `stage:${stage.index}`,
      status,
      title: `#${stage.index} ${stage.name ?? "(unnamed)"}`,
      // The base image itself; a stage base reads "FROM <stage>" so it isn't taken for an image.
      detail: stage.base.kind === "stage" ? `FROM ${stage.fromResolved}` : stage.fromResolved,
      h: STAGE_H,
    });
  }

  // One line per (from, to, kind): four COPY --from=build lines are one arrow.
  const grouped = new Map<string, Omit<EdgeLine, "y1" | "y2" | "lane">>();
  const skipped = new Set(target.skipped);
  const addEdge = (kind: EdgeKind, from: string, to: string, toStage: number, line: number) => {
    const key = `${kind}|${from}|${to}`;
    const existing = grouped.get(key);
    if (existing) existing.lines.push(line);
    else grouped.set(key, { key, kind, from, to, lines: [line], muted: skipped.has(toStage) });
  };
  for (const e of analysis.edges)
    addEdge(e.kind, `stage:${e.fromStage}`, `stage:${e.toStage}`, e.toStage, e.line);
  for (const use of analysis.externalImages)
    addEdge(use.kind, `image:${use.image}`, `stage:${use.stage}`, use.stage, use.line);

  // Ports: each edge end gets its own point on the node's right side, ordered by where the
  // other end is, so arrows to nodes above leave from higher up.
  const ends = new Map<string, { edge: string; role: "from" | "to"; other: number }[]>();
  const centre = (key: string) => {
    const n = byKey.get(key);
    return n ? n.y + n.h / 2 : 0;
  };
  for (const e of grouped.values()) {
    for (const [role, self, other] of [
      ["from", e.from, e.to],
      ["to", e.to, e.from],
    ] as const) {
      const list = ends.get(self) ?? [];
      list.push({ edge: e.key, role, other: centre(other) });
      ends.set(self, list);
    }
  }
  const port = new Map<string, number>();
  for (const [key, list] of ends) {
    const n = byKey.get(key);
    if (!n) continue;
    list.sort((a, b) => a.other - b.other);
    list.forEach((end, i) => {
      port.set(`${end.edge}|${end.role}`, n.y + ((i + 1) * n.h) / (list.length + 1));
    });
  }

  // Lanes: shortest spans nearest the nodes; an edge takes the first lane it doesn't overlap in.
  const edges: EdgeLine[] = [...grouped.values()]
    .map((e) => ({ ...e, y1: port.get(`${e.key}|from`) ?? 0, y2: port.get(`${e.key}|to`) ?? 0, lane: 0 }))
    .sort((a, b) => Math.abs(a.y2 - a.y1) - Math.abs(b.y2 - b.y1));
  const lanes: [number, number][][] = [];
  for (const edge of edges) {
    const span: [number, number] = [Math.min(edge.y1, edge.y2) - 4, Math.max(edge.y1, edge.y2) + 4];
    let lane = lanes.findIndex((taken) => taken.every(([a, b]) => span[1] < a || span[0] > b));
    if (lane === -1) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane]?.push(span);
    edge.lane = lane;
  }
  return {
    nodes,
    edges,
    width: NODE_W + GUTTER + Math.max(lanes.length, 1) * LANE + 6,
    height: Math.max(y - GAP + 2, 10),
  };
}

/** The SVG path of an arrow: out of the source node, along its lane, into the target node. */
export function edgePath(edge: EdgeLine): string {
  const x0 = NODE_W;
  const lx = NODE_W + GUTTER + edge.lane * LANE;
  const dir = edge.y2 >= edge.y1 ? 1 : -1;
  const r = Math.min(6, Math.abs(edge.y2 - edge.y1) / 2);
  return [
    `M ${x0} ${edge.y1}`,
    `H ${lx - r}`,
    `Q ${lx} ${edge.y1} ${lx} ${edge.y1 + dir * r}`,
    `V ${edge.y2 - dir * r}`,
    `Q ${lx} ${edge.y2} ${lx - r} ${edge.y2}`,
    `H ${x0 + 3}`,
  ].join(" ");
}
