// The layer cache view's logic: what BuildKit reuses after a change, per stage and step, and what
// a .dockerignore keeps out of the build context.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ignoreVerdict, parseDockerignore } from "@/lib/docker/cache/dockerignore";
import { GlobBudget } from "@/lib/docker/cache/glob";
import { type CacheChange, type CacheReport, layerCacheReport } from "@/lib/docker/cache/layer-cache";
import { analyzeDockerfile, type DockerfileAnalysis } from "@/lib/docker/dockerfile";

const df = (...lines: string[]) => `${lines.join("\n")}\n`;
function analysis(text: string, target?: string): DockerfileAnalysis {
  const result = analyzeDockerfile(text, target ? { target } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.analysis;
}
const states = (report: CacheReport, stage = 0) =>
  report.stages[stage]?.steps.map(
    (s) => `${s.line}:${s.state === "rebuilt" ? (s.cause ? "MISS" : "rebuilt") : s.state}`,
  );

const goodOrder = df(
  "FROM node:20-alpine",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN --mount=type=cache,target=/root/.npm npm ci",
  "COPY . .",
  "RUN npm run build",
);
const wrongOrder = df("FROM node:20-alpine", "WORKDIR /app", "COPY . .", "RUN npm ci", "RUN npm run build");
const file = (path: string): CacheChange => ({ kind: "file", path });

describe("a changed file in the build context", () => {
  it("good order: editing src/index.ts reruns only the last COPY and the build; npm ci is reused", () => {
    const report = layerCacheReport(analysis(goodOrder), { change: file("src/index.ts") });
    expect(states(report)).toEqual(["2:reused", "3:reused", "4:reused", "5:MISS", "6:rebuilt"]);
    expect(report.rerun).toBe(2);
    expect(report.installs).toEqual([]);
  });

  it("wrong order: the same edit reinstalls every dependency", () => {
    const report = layerCacheReport(analysis(wrongOrder), { change: file("./src/index.ts") });
    expect(states(report)).toEqual(["2:reused", "3:MISS", "4:rebuilt", "5:rebuilt"]);
    expect(report.installs).toEqual([expect.objectContaining({ line: 4, cacheMounts: [] })]);
  });

  it("package.json changes the manifest COPY (a glob like package*.json too), and the install keeps its cache mount", () => {
    const report = layerCacheReport(analysis(goodOrder), { change: file("package.json") });
    expect(states(report)).toEqual(["2:reused", "3:MISS", "4:rebuilt", "5:rebuilt", "6:rebuilt"]);
    expect(report.installs).toEqual([expect.objectContaining({ line: 4, cacheMounts: ["/root/.npm"] })]);
    const glob = layerCacheReport(
      analysis(df("FROM node:20-alpine", "COPY package*.json ./", "RUN npm ci")),
      {
        change: file("package.json"),
      },
    );
    expect(states(glob)).toEqual(["2:MISS", "3:rebuilt"]);
  });

  it("a path the .dockerignore excludes invalidates nothing, and the view says which line excludes it", () => {
    const report = layerCacheReport(analysis(wrongOrder), {
      change: file("node_modules/left-pad/index.js"),
      dockerignore: "# deps\nnode_modules\n*.log\n!keep.log\n",
      contextFiles: ["package.json", "src/index.ts", "node_modules/x/y.js", "debug.log", "keep.log"],
    });
    expect(report.ignoredBy).toEqual({ line: 2, text: "node_modules" });
    expect(report.rerun).toBe(0);
    expect(report.context.map((c) => `${c.path}:${c.excluded ? "out" : "in"}`)).toEqual([
      "package.json:in",
      "src/index.ts:in",
      "node_modules/x/y.js:out",
      "debug.log:out",
      "keep.log:in",
    ]);
  });

  it("spreads to stages built FROM the changed stage and stages copying from it; skipped stages stay skipped", () => {
    const text = df(
      "FROM node:20-alpine AS deps",
      "COPY package.json ./",
      "RUN npm ci",
      "FROM deps AS build",
      "COPY src ./src",
      "RUN npm run build",
      "FROM node:20-alpine AS test",
      "RUN npm test",
      "FROM node:20-alpine AS runner",
      "COPY --from=build /app/dist ./dist",
      'CMD ["node", "dist/server.js"]',
    );
    const report = layerCacheReport(analysis(text), { change: file("package.json") });
    expect(report.stages.map((s) => `${s.name}:${s.state}:${s.changed}`)).toEqual([
      "deps:built:true",
      "build:built:true",
      "test:skipped:false",
      "runner:built:true",
    ]);
    expect(states(report, 1)).toEqual(["5:rebuilt", "6:rebuilt"]);
    expect(states(report, 3)).toEqual(["10:MISS", "11:rebuilt"]);
    expect(report.stages[3]?.steps[0]?.reason).toMatch(/copies from stage "build", which rebuilt/);
    const srcOnly = layerCacheReport(analysis(text), { change: file("src/app.ts") });
    expect(states(srcOnly, 0)).toEqual(["2:reused", "3:reused"]);
  });

  it("nothing changed: every step is reused", () => {
    const report = layerCacheReport(analysis(goodOrder), { change: { kind: "none" } });
    expect(report.rerun).toBe(0);
    expect(report.stages[0]?.steps.every((s) => s.state === "reused")).toBe(true);
  });
});

describe("a changed build-arg", () => {
  it("misses at the first RUN after its ARG (not at the ARG), or where it is expanded", () => {
    const text = df(
      "FROM alpine:3.20",
      "COPY a /a",
      "ARG VERSION=1",
      "WORKDIR /app",
      "RUN echo building",
      "ENV V=$VERSION",
    );
    expect(states(layerCacheReport(analysis(text), { change: { kind: "arg", name: "VERSION" } }))).toEqual([
      "2:reused",
      "3:reused",
      "4:reused",
      "5:MISS",
      "6:rebuilt",
    ]);
    const early = df("FROM alpine:3.20", "ARG VERSION", "LABEL v=${VERSION}", "RUN true");
    expect(states(layerCacheReport(analysis(early), { change: { kind: "arg", name: "VERSION" } }))).toEqual([
      "2:reused",
      "3:MISS",
      "4:rebuilt",
    ]);
  });

  it("a global ARG used in FROM rebuilds the whole stage; one no ARG declares changes nothing", () => {
    const text = df(
      "ARG NODE=20",
      "FROM alpine:3.20 AS tools",
      "RUN true",
      "FROM node:${NODE}-alpine",
      "COPY --from=tools /a /a",
      "RUN npm ci",
    );
    const report = layerCacheReport(analysis(text), { change: { kind: "arg", name: "NODE" } });
    // The first stage does not redeclare NODE: it does not see it.
    expect(states(report, 0)).toEqual(["3:reused"]);
    expect(states(report, 1)).toEqual(["5:rebuilt", "6:rebuilt"]);
    expect(report.stages[1]?.steps[0]?.reason).toMatch(/base image comes from build-arg NODE/);
    const unknown = layerCacheReport(analysis(text), { change: { kind: "arg", name: "OTHER" } });
    expect(unknown.rerun).toBe(0);
    expect(unknown.notes[0]).toMatch(/not consume/);
  });
});

describe(".dockerignore patterns (BuildKit's semantics)", () => {
  const verdict = (ignore: string, path: string) => {
    const v = ignoreVerdict(parseDockerignore(ignore), path, new GlobBudget());
    return v.excluded;
  };
  it("** matches any number of directories, ! re-includes, and the last match wins", () => {
    expect(verdict("**/*.md", "README.md")).toBe(true);
    expect(verdict("**/*.md", "docs/a/b.md")).toBe(true);
    expect(verdict("*.md", "docs/b.md")).toBe(false);
    expect(verdict("*.md\n!README.md", "README.md")).toBe(false);
    expect(verdict("!README.md\n*.md", "README.md")).toBe(true);
    expect(verdict("/dist\n", "dist/app.js")).toBe(true);
    expect(verdict("src/**/test", "src/a/b/test/x.ts")).toBe(true);
    expect(verdict("file?.txt", "file1.txt")).toBe(true);
    expect(verdict("file[0-9].txt", "fileA.txt")).toBe(false);
  });

  it("agrees with a regular-expression reading of the same patterns on generated paths", () => {
    const seg = fc.constantFrom("a", "b", "ab", ".md", "x.md");
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((p) => p.join("/"));
    const pat = fc
      .array(fc.constantFrom("a", "b", "*", "**", "?", ".md"), { minLength: 1, maxLength: 4 })
      .map((p) => p.join("/"));
    // moby's patternmatcher regex: ** → .* ("**/" → "(.*/)?"), * → [^/]*, ? → [^/], then a parent dir may match.
    const toRegex = (p: string) =>
      new RegExp(
        `^${p
          .replace(/\./g, "\\.")
          .replace(/\*\*\//g, "§")
          .replace(/\*\*/g, "¤")
          .replace(/\*/g, "[^/]*")
          .replace(/\?/g, "[^/]")
          .replace(/§/g, "(.*/)?")
          .replace(/¤/g, ".*")}(/.*)?$`,
      );
    fc.assert(
      fc.property(pat, path, (p, f) => {
        expect(verdict(p, f)).toBe(toRegex(p).test(f));
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws and stays bounded on pathological patterns", () => {
    const ignore = `${"*a".repeat(2000)}b\n`;
    const report = layerCacheReport(analysis(df("FROM alpine:3.20", "COPY . .")), {
      change: file("a".repeat(3000)),
      dockerignore: ignore.repeat(20),
      contextFiles: Array.from({ length: 50 }, () => "a".repeat(3000)),
    });
    expect(report.notes.join(" ")).toMatch(/too costly/);
  });
});
