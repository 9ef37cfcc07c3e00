import { describe, expect, it } from "vitest";
import { lineRange } from "@/components/docker/stage-examples";
import { edgePath, layoutStageGraph, NODE_W } from "@/components/docker/stage-graph-layout";
import { analyzeDockerfile, type DockerfileAnalysis } from "@/lib/docker/dockerfile";

const df = (...lines: string[]) => `${lines.join("\n")}\n`;

function analysis(text: string, target?: string): DockerfileAnalysis {
  const result = analyzeDockerfile(text, { target });
  if (!result.ok) throw new Error(result.error.message);
  return result.analysis;
}

const THREE_STAGES = df(
  "FROM node:20-alpine AS deps",
  "RUN npm ci --omit=dev",
  "FROM node:20-alpine AS build",
  "RUN npm ci && npm run build",
  "FROM node:20-alpine AS runner",
  "COPY --from=deps /app/node_modules ./node_modules",
  "COPY --from=build /app/dist ./dist",
  "COPY --from=build /app/package.json ./",
);

describe("stage graph layout", () => {
  it("stacks stages top to bottom in file order and marks the one that ships", () => {
    const graph = layoutStageGraph(analysis(THREE_STAGES));
    expect(graph.nodes.map((n) => [n.key, n.status, n.title])).toEqual([
      ["stage:0", "built", "#0 deps"],
      ["stage:1", "built", "#1 build"],
      ["stage:2", "ships", "#2 runner"],
    ]);
    const ys = graph.nodes.map((n) => n.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(graph.height).toBeGreaterThan(graph.nodes.at(-1)!.y);
  });

  it("draws one arrow per source stage and kind, keeping every line behind it", () => {
    const graph = layoutStageGraph(analysis(THREE_STAGES));
    expect(graph.edges.map((e) => [e.kind, e.from, e.to, e.lines])).toEqual(
      expect.arrayContaining([
        ["copy", "stage:0", "stage:2", [6]],
        ["copy", "stage:1", "stage:2", [7, 8]],
      ]),
    );
    expect(graph.edges).toHaveLength(2);
  });

  it("puts overlapping arrows in different lanes and widens the drawing for them", () => {
    const graph = layoutStageGraph(analysis(THREE_STAGES));
    const lanes = graph.edges.map((e) => e.lane).sort();
    expect(lanes).toEqual([0, 1]);
    const oneLane = layoutStageGraph(analysis(df("FROM alpine AS a", "FROM a AS b")));
    expect(graph.width).toBeGreaterThan(oneLane.width);
    expect(oneLane.width).toBeGreaterThan(NODE_W);
  });

  it("lets arrows that don't overlap share a lane", () => {
    const chain = layoutStageGraph(analysis(df("FROM alpine AS a", "FROM a AS b", "FROM b AS c")));
    expect(chain.edges.map((e) => [e.kind, e.lane])).toEqual([
      ["from", 0],
      ["from", 0],
    ]);
  });

  it("greys stages a target skips and mutes the arrows into them", () => {
    const graph = layoutStageGraph(analysis(THREE_STAGES, "build"));
    expect(graph.nodes.map((n) => n.status)).toEqual(["skipped", "ships", "skipped"]);
    expect(graph.edges.every((e) => e.muted)).toBe(true);
  });

  it("adds an external image as its own node just above the stage that first uses it", () => {
    const graph = layoutStageGraph(
      analysis(
        df(
          "FROM golang:1.22",
          "FROM alpine:3.20",
          "COPY --from=0 /out/tool /tool",
          "COPY --from=docker:27-cli /usr/local/bin/docker /docker",
        ),
      ),
    );
    expect(graph.nodes.map((n) => [n.key, n.status, n.detail])).toEqual([
      ["stage:0", "built", "golang:1.22"],
      ["image:docker:27-cli", "image", "docker:27-cli"],
      ["stage:1", "ships", "alpine:3.20"],
    ]);
    expect(graph.edges.map((e) => [e.kind, e.from, e.to])).toEqual(
      expect.arrayContaining([
        ["copy", "stage:0", "stage:1"],
        ["copy", "image:docker:27-cli", "stage:1"],
      ]),
    );
  });

  it("tells FROM <stage>, COPY --from and RUN --mount from= apart", () => {
    const graph = layoutStageGraph(
      analysis(
        df(
          "# syntax=docker/dockerfile:1",
          "FROM alpine AS tools",
          "FROM alpine AS base",
          "FROM base AS app",
          "RUN --mount=type=bind,from=tools,target=/t true",
          "COPY --from=tools /x /x",
        ),
      ),
    );
    expect(graph.edges.map((e) => e.kind).sort()).toEqual(["copy", "from", "mount"]);
    // A stage base reads as FROM <stage>, not as an image.
    expect(graph.nodes.find((n) => n.key === "stage:2")?.detail).toBe("FROM base");
  });

  it("routes an arrow out of the source node, along its lane and back into the target", () => {
    const [edge] = layoutStageGraph(analysis(df("FROM alpine AS a", "FROM a AS b"))).edges;
    const path = edgePath(edge!);
    expect(path.startsWith(`M ${NODE_W} ${edge!.y1}`)).toBe(true);
    expect(path.endsWith(`H ${NODE_W + 3}`)).toBe(true);
  });
});

describe("lineRange", () => {
  it("finds the characters of a 1-based line, for selecting it in the textarea", () => {
    const text = "FROM a\nRUN b\n\nCOPY c d";
    expect(lineRange(text, 1)).toEqual([0, 6]);
    expect(text.slice(...lineRange(text, 2))).toBe("RUN b");
    expect(text.slice(...lineRange(text, 3))).toBe("");
    expect(text.slice(...lineRange(text, 4))).toBe("COPY c d");
    expect(lineRange(text, 9)).toEqual([text.length, text.length]);
  });
});
