// The layers, as a test (Starlight keeps its import rules the same way): app/ is routing only and
// sits on top; components/ and lib/ never import from it; lib/'s domain folders depend on each
// other in one direction only; server actions ('use server') live in lib/<domain>/actions.ts.
// The import graph is read with the TypeScript compiler's own pre-processor and module resolver
// (tsconfig's `@/` path included), so it sees what `tsc` and the bundler see, type-only imports too.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = ts.parseJsonConfigFileContent(
  ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config,
  ts.sys,
  root,
);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** The project files `file` imports (packages left out), as paths relative to the root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const out: string[] = [];
  for (const { fileName } of importedFiles) {
    const resolved = ts.resolveModuleName(fileName, path.join(root, file), config.options, ts.sys)
      .resolvedModule?.resolvedFileName;
    if (!resolved || resolved.includes("/node_modules/")) continue;
    out.push(path.relative(root, resolved).split(path.sep).join("/"));
  }
  return out;
}

const files = ["app", "components", "lib"].flatMap(sourceFiles);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** lib/'s unit of layering: its domain folder (lib/quiz), or the file itself (lib/env.ts). */
const domainOf = (file: string) => file.split("/").slice(0, 2).join("/");

/** Every cycle in a directed graph, one path per strongly connected part (Tarjan). */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const parts: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || edges.get(v)?.has(v)) parts.push(part.sort());
    }
  };
  for (const v of edges.keys()) if (!order.has(v)) visit(v);
  return parts;
}

/** For a failure message: which imports make up a cycle between `part`'s members. */
function importsWithin(part: string[], unit: (file: string) => string): string[] {
  const members = new Set(part);
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (unit(from) !== unit(to) && members.has(unit(from)) && members.has(unit(to)))
        out.push(`${from} → ${to}`);
    }
  }
  return out;
}

describe("layers: app/ on top, then components/, then lib/", () => {
  it("nothing in components/ or lib/ imports from app/", () => {
    const upward = [...graph]
      .filter(([from]) => !from.startsWith("app/"))
      .flatMap(([from, targets]) => targets.filter((t) => t.startsWith("app/")).map((t) => `${from} → ${t}`));
    expect(upward).toEqual([]);
  });

  it("lib/ imports components/ only where a server action renders server components (the preview)", () => {
    const upward = [...graph]
      .filter(([from]) => from.startsWith("lib/") && !from.endsWith("/actions.ts"))
      .flatMap(([from, targets]) =>
        targets.filter((t) => t.startsWith("components/")).map((t) => `${from} → ${t}`),
      );
    expect(upward).toEqual([]);
  });

  it("lib/'s domain folders form no import cycle", () => {
    const edges = new Map<string, Set<string>>();
    for (const [from, targets] of graph) {
      if (!from.startsWith("lib/")) continue;
      const set = edges.get(domainOf(from)) ?? new Set();
      edges.set(domainOf(from), set);
      for (const to of targets)
        if (to.startsWith("lib/") && domainOf(to) !== domainOf(from)) set.add(domainOf(to));
    }
    const cycles = cyclesOf(edges).map((part) => ({ folders: part, imports: importsWithin(part, domainOf) }));
    expect(cycles).toEqual([]);
  });

  it("no file in components/ or lib/ is part of an import cycle", () => {
    const edges = new Map<string, Set<string>>();
    for (const [from, targets] of graph)
      if (!from.startsWith("app/")) edges.set(from, new Set(targets.filter((t) => !t.startsWith("app/"))));
    const cycles = cyclesOf(edges).map((part) => ({ files: part, imports: importsWithin(part, (f) => f) }));
    expect(cycles).toEqual([]);
  });

  it("'use server' appears only in lib/<domain>/actions.ts, and every such file has it", () => {
    const directive = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/;
    const marked = files.filter((f) => directive.test(fs.readFileSync(path.join(root, f), "utf8")));
    const actionFiles = files.filter((f) => /^lib\/[^/]+\/actions\.ts$/.test(f));
    expect(marked.sort()).toEqual(actionFiles.sort());
    expect(actionFiles.length).toBeGreaterThan(0);
  });
});

describe("the image's deps stage", () => {
  it("copies lib/ modules (for the Prisma configs) that import only each other", () => {
    const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
    const deps = dockerfile.slice(0, dockerfile.indexOf("FROM deps AS build"));
    const copied = [...deps.matchAll(/^COPY\s+(.+)\s+\S+$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/).filter((f) => f.startsWith("lib/")),
    );
    expect(copied.length).toBeGreaterThan(0);
    const outside = copied.flatMap((f) => (graph.get(f) ?? []).filter((t) => !copied.includes(t)));
    expect(outside).toEqual([]);
  });
});

describe("configuration", () => {
  it("app code reads the environment only through lib/env.ts (NODE_ENV aside, which bundlers inline)", () => {
    const direct = files
      .filter((f) => f !== "lib/env.ts")
      .flatMap((f) =>
        [...fs.readFileSync(path.join(root, f), "utf8").matchAll(/process\.env(?:\.(\w+)|\[)/g)]
          .filter((m) => m[1] !== "NODE_ENV")
          .map((m) => `${f}: ${m[0]}`),
      );
    expect(direct).toEqual([]);
  });
});

describe("the cycle finder the rules rely on", () => {
  it("finds a cycle through three nodes and none in a chain", () => {
    const g = (pairs: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of pairs) {
        m.set(a, (m.get(a) ?? new Set()).add(b));
        if (!m.has(b)) m.set(b, new Set());
      }
      return m;
    };
    expect(
      cyclesOf(
        g([
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(
      cyclesOf(
        g([
          ["a", "b"],
          ["b", "c"],
        ]),
      ),
    ).toEqual([]);
  });

  it("resolves the @/ alias and relative imports to files", () => {
    expect(graph.get("lib/db/index.ts")).toContain("lib/env.ts");
    expect(graph.get("components/quiz/quiz-island.tsx")?.some((f) => f.startsWith("lib/quiz/"))).toBe(true);
  });
});
