// Image size figures for the Part 7 widgets (size calculator, stage explorer).
//
// Every figure the lesson prints comes from the Part 7 fact sheet, verbatim: `display` is the
// text the lesson shows, `mb` is the same figure in MB with 1 GB = 1000 MB (what `docker images`
// prints). The few figures the fact sheet does not give are marked `estimate: true` and carry a
// `basis` saying how they were derived, so the UI can label them honestly.
// Derived percentages are deliberately NOT stored here: size-math computes them from these figures.

/** Where the published figures come from. */
export const FACT_SHEET_SOURCE = "Part 7 fact sheet";

/** A size taken verbatim from the fact sheet. */
export interface FactFigure {
  id: string;
  label: string;
  /** Size in MB, 1 GB = 1000 MB. */
  mb: number;
  /** Text exactly as the lesson prints it, e.g. "~1.1 GB". */
  display: string;
  source: typeof FACT_SHEET_SOURCE;
  estimate: false;
}

/** A size the fact sheet does not give, derived from its figures (or, rarely, a named outside figure). */
export interface EstimatedFigure {
  id: string;
  label: string;
  mb: number;
  display: string;
  source: string;
  estimate: true;
  /** How the number was derived, in words a learner can check. */
  basis: string;
}

export type SizeFigure = FactFigure | EstimatedFigure;

function fact(id: string, label: string, mb: number, display: string): FactFigure {
  return { id, label, mb, display, source: FACT_SHEET_SOURCE, estimate: false };
}

// ---------------------------------------------------------------------------------------------
// Size comparison by stack

export type StackId = "node" | "spring-boot" | "go";

// The fact sheet's per-stack figures; the before/after pairs below reuse them.
const NODE_SINGLE_FULL = /* @__PURE__ */ fact("node-single-full", "Single-stage, node:20", 1100, "~1.1 GB");
const NODE_MULTI_ALPINE = /* @__PURE__ */ fact(
  "node-multi-alpine",
  "Multi-stage, node:20-alpine",
  80,
  "~80 MB",
);
const SPRING_SINGLE_JDK = /* @__PURE__ */ fact(
  "spring-single-jdk",
  "Single-stage with the JDK",
  580,
  "~580 MB",
);
const SPRING_MULTI_JRE = /* @__PURE__ */ fact(
  "spring-multi-jre-alpine",
  "Multi-stage with JRE alpine",
  180,
  "~180 MB",
);
const GO_SINGLE = /* @__PURE__ */ fact("go-single-golang", "Single-stage, golang:1.22", 850, "~850 MB");
const GO_MULTI_SCRATCH = /* @__PURE__ */ fact("go-multi-scratch", "Multi-stage on scratch", 12, "~12 MB");

/** What the final image is built on; the calculator groups approaches by this. */
export type RuntimeKind = "full" | "slim" | "alpine" | "distroless" | "scratch" | "jdk" | "jre-alpine";

export interface Approach {
  id: string;
  stack: StackId;
  build: "single-stage" | "multi-stage";
  runtime: RuntimeKind;
  /** The image the final stage starts FROM. */
  baseImage: string;
  figure: SizeFigure;
  /** The fact sheet's "why" column, where it has one. */
  why?: string;
  /** A caveat a careful reader would want next to the number. */
  note?: string;
}

export interface Stack {
  id: StackId;
  label: string;
  approaches: readonly Approach[];
  /** Why some runtime kinds are not offered for this stack. */
  notOffered: readonly { runtime: RuntimeKind; reason: string }[];
}

export const NODE_APPROACHES: readonly Approach[] = [
  {
    id: "node-single-full",
    stack: "node",
    build: "single-stage",
    runtime: "full",
    baseImage: "node:20",
    figure: NODE_SINGLE_FULL,
    why: "build tools, npm cache, dev dependencies",
  },
  {
    id: "node-single-slim",
    stack: "node",
    build: "single-stage",
    runtime: "slim",
    baseImage: "node:20-slim",
    figure: /* @__PURE__ */ fact("node-single-slim", "Single-stage, node:20-slim", 250, "~250 MB"),
    why: "smaller base, build artifacts still inside",
  },
  {
    id: "node-multi-alpine",
    stack: "node",
    build: "multi-stage",
    runtime: "alpine",
    baseImage: "node:20-alpine",
    figure: NODE_MULTI_ALPINE,
    why: "runtime dependencies only, minimal base",
    note:
      "The base image table lists node:20-alpine itself at ~130 MB. Both are published approximations " +
      "from different measurements, so compare figures within one table rather than across tables.",
  },
  {
    id: "node-multi-distroless",
    stack: "node",
    build: "multi-stage",
    runtime: "distroless",
    baseImage: "gcr.io/distroless/nodejs20",
    figure: {
      id: "node-multi-distroless",
      label: "Multi-stage, gcr.io/distroless/nodejs20",
      mb: 125,
      display: "~125 MB",
      source: "Estimate from the Part 7 fact sheet",
      estimate: true,
      basis:
        "gcr.io/distroless/nodejs20 base (~120 MB, base image table) + about 5 MB of app and production " +
        "dependencies, taken from the hands-on demo: demo:multi (~135 MB) minus its node:20-alpine base (~130 MB).",
    },
  },
];

export const SPRING_BOOT_APPROACHES: readonly Approach[] = [
  {
    id: "spring-single-jdk",
    stack: "spring-boot",
    build: "single-stage",
    runtime: "jdk",
    baseImage: "eclipse-temurin:21-jdk-alpine",
    figure: SPRING_SINGLE_JDK,
  },
  {
    id: "spring-multi-jre-alpine",
    stack: "spring-boot",
    build: "multi-stage",
    runtime: "jre-alpine",
    baseImage: "eclipse-temurin:21-jre-alpine",
    figure: SPRING_MULTI_JRE,
  },
];

export const GO_APPROACHES: readonly Approach[] = [
  {
    id: "go-single-golang",
    stack: "go",
    build: "single-stage",
    runtime: "full",
    baseImage: "golang:1.22",
    figure: GO_SINGLE,
  },
  {
    id: "go-multi-scratch",
    stack: "go",
    build: "multi-stage",
    runtime: "scratch",
    baseImage: "scratch",
    figure: GO_MULTI_SCRATCH,
  },
  {
    id: "go-multi-distroless",
    stack: "go",
    build: "multi-stage",
    runtime: "distroless",
    baseImage: "gcr.io/distroless/static-debian12",
    figure: {
      id: "go-multi-distroless",
      label: "Multi-stage, gcr.io/distroless/static",
      mb: 14,
      display: "~14 MB",
      source: "Estimate from the Part 7 fact sheet plus one outside figure",
      estimate: true,
      basis:
        "The scratch result (~12 MB: binary + CA bundle) + about 2 MB for the distroless static base " +
        "(CA certificates, time zone data, /etc/passwd). The ~2 MB is not in the fact sheet; it is the " +
        "approximate published size of gcr.io/distroless/static-debian12.",
    },
  },
];

export const STACKS: readonly Stack[] = [
  {
    id: "node",
    label: "Node.js",
    approaches: NODE_APPROACHES,
    notOffered: [
      { runtime: "scratch", reason: "A Node.js app needs the node runtime and its shared libraries." },
    ],
  },
  {
    id: "spring-boot",
    label: "Spring Boot",
    approaches: SPRING_BOOT_APPROACHES,
    notOffered: [
      { runtime: "scratch", reason: "A Spring Boot app needs a Java runtime (JRE)." },
      {
        runtime: "distroless",
        reason: "The fact sheet gives no figure for a distroless Java image, so there is no honest estimate.",
      },
    ],
  },
  { id: "go", label: "Go", approaches: GO_APPROACHES, notOffered: [] },
];

/** Looks a stack up by id. */
export function findStack(id: StackId): Stack | undefined {
  return STACKS.find((stack) => stack.id === id);
}

// ---------------------------------------------------------------------------------------------
// Node 20 base images

export interface BaseImageRow {
  image: string;
  /** The first column as the lesson prints it, e.g. "node:20 (full)". */
  label: string;
  figure: FactFigure;
  packageManager: string;
  bestFor: string;
}

export const NODE_BASE_IMAGES: readonly BaseImageRow[] = [
  {
    image: "node:20",
    label: "node:20 (full)",
    figure: /* @__PURE__ */ fact("base-node-20", "node:20 (full)", 1100, "~1.1 GB"),
    packageManager: "apt",
    bestFor: "development, CI build stage",
  },
  {
    image: "node:20-slim",
    label: "node:20-slim",
    figure: /* @__PURE__ */ fact("base-node-20-slim", "node:20-slim", 200, "~200 MB"),
    packageManager: "apt (minimal)",
    bestFor: "runtime needing Debian compatibility",
  },
  {
    image: "node:20-alpine",
    label: "node:20-alpine",
    figure: /* @__PURE__ */ fact("base-node-20-alpine", "node:20-alpine", 130, "~130 MB"),
    packageManager: "apk",
    bestFor: "smallest runtime, most cases",
  },
  {
    image: "gcr.io/distroless/nodejs20",
    label: "gcr.io/distroless/nodejs20",
    figure: /* @__PURE__ */ fact("base-distroless-nodejs20", "gcr.io/distroless/nodejs20", 120, "~120 MB"),
    packageManager: "none",
    bestFor: "maximum security, no shell",
  },
];

// ---------------------------------------------------------------------------------------------
// Hands-on demo and the reductions the lesson quotes

const DEMO_SINGLE = /* @__PURE__ */ fact("demo-single", "demo:single", 1100, "~1.1 GB");
const DEMO_MULTI = /* @__PURE__ */ fact("demo-multi", "demo:multi", 135, "~135 MB");

export const DEMO_IMAGES = { single: DEMO_SINGLE, multi: DEMO_MULTI } as const;

/** A before/after pair whose reduction the lesson quotes; size-math computes the percentage. */
export interface ReductionPair {
  id: string;
  label: string;
  from: FactFigure;
  to: FactFigure;
  /** The percentage as the fact sheet words it; tests check the computed value rounds to it. */
  quoted: string;
}

export const LESSON_REDUCTIONS: readonly ReductionPair[] = [
  {
    id: "node",
    label: "Node.js: single-stage node:20 → multi-stage node:20-alpine",
    from: NODE_SINGLE_FULL,
    to: NODE_MULTI_ALPINE,
    quoted: "~93%",
  },
  {
    id: "spring-boot",
    label: "Spring Boot: JDK single-stage → JRE alpine multi-stage",
    from: SPRING_SINGLE_JDK,
    to: SPRING_MULTI_JRE,
    quoted: "~69%",
  },
  {
    id: "go",
    label: "Go: single-stage golang:1.22 → multi-stage scratch",
    from: GO_SINGLE,
    to: GO_MULTI_SCRATCH,
    quoted: "~98.6%",
  },
  {
    id: "demo",
    label: "Hands-on demo: demo:single → demo:multi",
    from: DEMO_SINGLE,
    to: DEMO_MULTI,
    quoted: "~88%",
  },
];

// ---------------------------------------------------------------------------------------------
// Base image reference → known approximate size (for the stage explorer)

export interface BaseImageSize {
  /** The reference the size belongs to, e.g. "node:20-alpine". */
  image: string;
  mb: number;
  display: string;
  /** True when the reference was mapped to a related image rather than matched exactly. */
  estimate: boolean;
  basis: string;
}

const SCRATCH_SIZE: BaseImageSize = {
  image: "scratch",
  mb: 0,
  display: "0 MB",
  estimate: false,
  basis: "scratch is the empty image: it adds no layers.",
};

function exactFromRow(row: BaseImageRow): BaseImageSize {
  return {
    image: row.image,
    mb: row.figure.mb,
    display: row.figure.display,
    estimate: false,
    basis: `Base image table, ${FACT_SHEET_SOURCE}.`,
  };
}

/** Drops "docker.io/library/" and "@sha256:…" so references compare by repository and tag. */
function normaliseReference(ref: string): { repo: string; tag: string | null } {
  let rest = ref.trim().toLowerCase();
  const at = rest.indexOf("@");
  if (at >= 0) rest = rest.slice(0, at);
  rest = rest
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "")
    .replace(/^library\//, "");
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { repo: rest.slice(0, colon), tag: rest.slice(colon + 1) };
  return { repo: rest, tag: null };
}

/**
 * The known approximate size of a base image reference, or null when the fact sheet has no figure
 * for it. Exact tags (node:20, node:20-slim, node:20-alpine, gcr.io/distroless/nodejs20, scratch) are
 * facts; close relatives (node:20.11-alpine, node:20-alpine3.19, gcr.io/distroless/nodejs20-debian12:
 * nonroot) map to the Node 20 row of the same variant and come back with `estimate: true`.
 */
export function lookupBaseImageSize(ref: string): BaseImageSize | null {
  const { repo, tag } = normaliseReference(ref);
  if (repo === "scratch" && tag === null) return SCRATCH_SIZE;
  const rows = new Map(NODE_BASE_IMAGES.map((row) => [row.image, row]));

  const exact = rows.get(tag === null ? repo : `${repo}:${tag}`);
  if (exact) return exactFromRow(exact);

  if (repo === "node" && tag) {
    const match =
      /^20(?:\.\d+){0,2}(?:-(bookworm|bullseye|slim|bookworm-slim|bullseye-slim|alpine(?:3\.\d+)?))?$/.exec(
        tag,
      );
    if (match) {
      const variant = match[1] ?? "";
      const image = variant.endsWith("slim")
        ? "node:20-slim"
        : variant.startsWith("alpine")
          ? "node:20-alpine"
          : "node:20";
      const row = rows.get(image);
      if (row) return mapped(row, ref);
    }
  }
  if (/^gcr\.io\/distroless\/nodejs20(?:-debian\d+)?$/.test(repo)) {
    const row = rows.get("gcr.io/distroless/nodejs20");
    if (row) return mapped(row, ref);
  }
  return null;
}

function mapped(row: BaseImageRow, ref: string): BaseImageSize {
  return {
    image: row.image,
    mb: row.figure.mb,
    display: row.figure.display,
    estimate: true,
    basis: `${ref} is not in the fact sheet; estimated with the ${row.image} figure (same Node 20 variant).`,
  };
}
