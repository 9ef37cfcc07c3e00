import { describe, expect, it } from "vitest";
import {
  DEMO_IMAGES,
  FACT_SHEET_SOURCE,
  GO_APPROACHES,
  LESSON_REDUCTIONS,
  lookupBaseImageSize,
  NODE_APPROACHES,
  NODE_BASE_IMAGES,
  type SizeFigure,
  SPRING_BOOT_APPROACHES,
  STACKS,
} from "@/lib/docker/size-data";
import { formatMb, reductionPercent } from "@/lib/docker/size-math";

const allFigures = (): SizeFigure[] => [
  ...STACKS.flatMap((stack) => stack.approaches.map((a) => a.figure)),
  ...NODE_BASE_IMAGES.map((row) => row.figure),
  DEMO_IMAGES.single,
  DEMO_IMAGES.multi,
];

function row(approaches: typeof NODE_APPROACHES, baseImage: string) {
  const found = approaches.find((a) => a.baseImage === baseImage && !a.figure.estimate);
  if (!found) throw new Error(`no fact row for ${baseImage}`);
  return found;
}

describe("size figures from the Part 7 fact sheet", () => {
  it("takes 1 GB as 1000 MB, so ~1.1 GB is 1100 MB", () => {
    expect(row(NODE_APPROACHES, "node:20").figure).toMatchObject({ mb: 1100, display: "~1.1 GB" });
    expect(DEMO_IMAGES.single).toMatchObject({ mb: 1100, display: "~1.1 GB" });
  });

  it("lists every Node.js approach with the exact size and why text", () => {
    const facts = NODE_APPROACHES.filter((a) => !a.figure.estimate).map((a) => ({
      build: a.build,
      base: a.baseImage,
      display: a.figure.display,
      mb: a.figure.mb,
      why: a.why,
    }));
    expect(facts).toEqual([
      {
        build: "single-stage",
        base: "node:20",
        display: "~1.1 GB",
        mb: 1100,
        why: "build tools, npm cache, dev dependencies",
      },
      {
        build: "single-stage",
        base: "node:20-slim",
        display: "~250 MB",
        mb: 250,
        why: "smaller base, build artifacts still inside",
      },
      {
        build: "multi-stage",
        base: "node:20-alpine",
        display: "~80 MB",
        mb: 80,
        why: "runtime dependencies only, minimal base",
      },
    ]);
  });

  it("gives Spring Boot ~580 MB with the JDK and ~180 MB multi-stage on JRE alpine", () => {
    const facts = SPRING_BOOT_APPROACHES.filter((a) => !a.figure.estimate);
    expect(facts.map((a) => [a.build, a.figure.mb, a.figure.display])).toEqual([
      ["single-stage", 580, "~580 MB"],
      ["multi-stage", 180, "~180 MB"],
    ]);
  });

  it("gives Go ~850 MB on golang:1.22 and ~12 MB on scratch", () => {
    expect(row(GO_APPROACHES, "golang:1.22").figure).toMatchObject({ mb: 850, display: "~850 MB" });
    expect(row(GO_APPROACHES, "scratch").figure).toMatchObject({ mb: 12, display: "~12 MB" });
  });

  it("has the four Node 20 base image rows with size, package manager and best use", () => {
    expect(
      NODE_BASE_IMAGES.map((r) => [r.label, r.figure.display, r.figure.mb, r.packageManager, r.bestFor]),
    ).toEqual([
      ["node:20 (full)", "~1.1 GB", 1100, "apt", "development, CI build stage"],
      ["node:20-slim", "~200 MB", 200, "apt (minimal)", "runtime needing Debian compatibility"],
      ["node:20-alpine", "~130 MB", 130, "apk", "smallest runtime, most cases"],
      ["gcr.io/distroless/nodejs20", "~120 MB", 120, "none", "maximum security, no shell"],
    ]);
  });

  it("has the hands-on demo images at ~1.1 GB and ~135 MB", () => {
    expect(DEMO_IMAGES.single).toMatchObject({ label: "demo:single", mb: 1100, display: "~1.1 GB" });
    expect(DEMO_IMAGES.multi).toMatchObject({ label: "demo:multi", mb: 135, display: "~135 MB" });
  });

  it("credits every fact to the fact sheet and shows each as ~ plus the formatted MB", () => {
    for (const figure of allFigures()) {
      if (!figure.estimate) expect(figure.source).toBe(FACT_SHEET_SOURCE);
      expect(figure.display).toBe(`~${formatMb(figure.mb)}`);
    }
  });

  it("marks every figure the fact sheet doesn't give as an estimate with a basis", () => {
    const estimates = allFigures().filter((f) => f.estimate);
    expect(estimates.map((f) => f.id).sort()).toEqual(["go-multi-distroless", "node-multi-distroless"]);
    for (const figure of estimates) {
      expect(figure.estimate && figure.basis.length).toBeGreaterThan(40);
    }
  });

  it("explains why scratch isn't offered for Node.js and Spring Boot", () => {
    for (const id of ["node", "spring-boot"]) {
      const stack = STACKS.find((s) => s.id === id);
      expect(stack?.approaches.some((a) => a.runtime === "scratch")).toBe(false);
      expect(stack?.notOffered.find((n) => n.runtime === "scratch")?.reason).toMatch(/runtime/);
    }
  });
});

describe("the reductions the lesson quotes", () => {
  const computed = (id: string) => {
    const pair = LESSON_REDUCTIONS.find((p) => p.id === id);
    if (!pair) throw new Error(id);
    const result = reductionPercent(pair.from.mb, pair.to.mb);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  it("1.1 GB → 80 MB computes to a reduction that rounds to 93%", () => {
    expect(Math.round(computed("node").value)).toBe(93);
    expect(computed("node").display).toBe("93%");
  });

  it("580 → 180 MB computes to a reduction that rounds to 69%", () => {
    expect(Math.round(computed("spring-boot").value)).toBe(69);
    expect(computed("spring-boot").display).toBe("69%");
  });

  it("850 → 12 MB computes to a reduction that rounds to 98.6%", () => {
    expect(Math.round(computed("go").value * 10) / 10).toBe(98.6);
    expect(computed("go").display).toBe("98.6%");
  });

  it("1.1 GB → 135 MB computes to a reduction that rounds to 88%", () => {
    expect(Math.round(computed("demo").value)).toBe(88);
    expect(computed("demo").display).toBe("88%");
  });

  it("each computed display matches the percentage the fact sheet quotes", () => {
    for (const pair of LESSON_REDUCTIONS) expect(`~${computed(pair.id).display}`).toBe(pair.quoted);
  });
});

describe("base image size lookup", () => {
  it("knows the four Node 20 bases and scratch exactly", () => {
    expect(lookupBaseImageSize("node:20")).toMatchObject({ mb: 1100, estimate: false });
    expect(lookupBaseImageSize("node:20-slim")).toMatchObject({ mb: 200, estimate: false });
    expect(lookupBaseImageSize("node:20-alpine")).toMatchObject({
      mb: 130,
      display: "~130 MB",
      estimate: false,
    });
    expect(lookupBaseImageSize("gcr.io/distroless/nodejs20")).toMatchObject({ mb: 120, estimate: false });
    expect(lookupBaseImageSize("scratch")).toMatchObject({ mb: 0, estimate: false });
  });

  it("matches docker.io/library/ references and digests to the same image", () => {
    expect(lookupBaseImageSize("docker.io/library/node:20-alpine")).toMatchObject({
      image: "node:20-alpine",
      estimate: false,
    });
    expect(lookupBaseImageSize(`node:20-slim@sha256:${"a".repeat(64)}`)).toMatchObject({
      image: "node:20-slim",
    });
  });

  it("maps closer-pinned Node 20 tags to their variant only as an estimate", () => {
    expect(lookupBaseImageSize("node:20.11-alpine")).toMatchObject({
      image: "node:20-alpine",
      mb: 130,
      estimate: true,
    });
    expect(lookupBaseImageSize("node:20-alpine3.19")).toMatchObject({
      image: "node:20-alpine",
      estimate: true,
    });
    expect(lookupBaseImageSize("node:20.11.1-bookworm-slim")).toMatchObject({
      image: "node:20-slim",
      estimate: true,
    });
    expect(lookupBaseImageSize("gcr.io/distroless/nodejs20-debian12:nonroot")).toMatchObject({
      mb: 120,
      estimate: true,
    });
    expect(lookupBaseImageSize("node:20.11-alpine")?.basis).toMatch(/not in the fact sheet/);
  });

  it("returns null for images the fact sheet has no base size for", () => {
    expect(lookupBaseImageSize("node:18-alpine")).toBeNull();
    expect(lookupBaseImageSize("golang:1.22")).toBeNull();
    expect(lookupBaseImageSize("python:3.12-slim")).toBeNull();
    expect(lookupBaseImageSize("node")).toBeNull();
  });
});
