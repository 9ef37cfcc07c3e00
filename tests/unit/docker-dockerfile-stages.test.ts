// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text uses ${VAR} literally.
import { describe, expect, it } from "vitest";
import { analyzeDockerfile, type DockerfileAnalysis, MAX_DOCKERFILE_BYTES } from "@/lib/docker/dockerfile";

const df = (...lines: string[]) => `${lines.join("\n")}\n`;

function analysis(text: string, target?: string | number): DockerfileAnalysis {
  const result = analyzeDockerfile(text, { target });
  if (!result.ok) throw new Error(result.error.message);
  return result.analysis;
}

const errors = (a: DockerfileAnalysis) => a.problems.filter((p) => p.severity === "error");

const NODE_THREE_STAGE = df(
  "# syntax=docker/dockerfile:1",
  "ARG NODE_VERSION=20",
  "FROM node:${NODE_VERSION}-alpine AS deps",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN npm ci --omit=dev",
  "",
  "FROM node:${NODE_VERSION}-alpine AS build",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN npm ci",
  "COPY . .",
  "RUN npm run build",
  "",
  "FROM node:${NODE_VERSION}-alpine AS runner",
  "ENV NODE_ENV=production",
  "WORKDIR /app",
  "COPY --from=deps --chown=node:node /app/node_modules ./node_modules",
  "COPY --from=build --chown=node:node /app/dist ./dist",
  "COPY package.json ./",
  "USER node",
  "EXPOSE 3000",
  'CMD ["node", "dist/server.js"]',
);

describe("stages", () => {
  it("lists each stage with index, names, resolved base and line range", () => {
    const a = analysis(NODE_THREE_STAGE);
    expect(
      a.stages.map((s) => [s.index, s.name, s.normalizedName, s.fromResolved, s.line, s.endLine]),
    ).toEqual([
      [0, "deps", "deps", "node:20-alpine", 3, 6],
      [1, "build", "build", "node:20-alpine", 8, 13],
      [2, "runner", "runner", "node:20-alpine", 15, 23],
    ]);
    expect(a.stages[0]?.fromText).toBe("node:${NODE_VERSION}-alpine");
    expect(a.stages[2]?.instructions.map((i) => i.keyword)).toEqual([
      "ENV",
      "WORKDIR",
      "COPY",
      "COPY",
      "COPY",
      "USER",
      "EXPOSE",
      "CMD",
    ]);
  });

  it("ships the last stage by default and builds everything it copies from", () => {
    const a = analysis(NODE_THREE_STAGE);
    expect(a.target).toEqual({ shipping: 2, explicit: false, built: [0, 1, 2], skipped: [] });
    expect(a.edges).toEqual([
      { kind: "copy", fromStage: 0, toStage: 2, line: 18, by: "name" },
      { kind: "copy", fromStage: 1, toStage: 2, line: 19, by: "name" },
    ]);
  });

  it("lists what crosses into the shipping stage with sources, destination and flags", () => {
    expect(analysis(NODE_THREE_STAGE).shipped).toEqual([
      {
        kind: "copy",
        line: 18,
        intoStage: 2,
        fromStage: 0,
        image: null,
        sources: ["/app/node_modules"],
        destination: "./node_modules",
        link: false,
        chown: "node:node",
      },
      {
        kind: "copy",
        line: 19,
        intoStage: 2,
        fromStage: 1,
        image: null,
        sources: ["/app/dist"],
        destination: "./dist",
        link: false,
        chown: "node:node",
      },
    ]);
  });

  it("estimates the final size from the shipping stage's base image only", () => {
    expect(analysis(NODE_THREE_STAGE).estimatedSize).toMatchObject({
      baseImage: "node:20-alpine",
      mb: 130,
      display: "~130 MB",
      baseOnly: true,
      mapped: false,
    });
  });
});

describe("ARG before FROM", () => {
  it("substitutes global ARG defaults, including ${VAR:-default}, in FROM", () => {
    const a = analysis(
      df(
        "ARG NODE=20",
        "ARG VARIANT",
        "FROM node:${NODE}-${VARIANT:-alpine} AS app",
        "ARG TAG=ignored",
        "FROM node:$NODE-slim",
      ),
    );
    expect(a.globalArgs).toEqual([
      { name: "NODE", value: "20", line: 1 },
      { name: "VARIANT", value: null, line: 2 },
    ]);
    expect(a.stages.map((s) => s.fromResolved)).toEqual(["node:20-alpine", "node:20-slim"]);
  });

  it("lets a global ARG default use an earlier global ARG", () => {
    const a = analysis(df("ARG MAJOR=20", "ARG IMAGE=node:${MAJOR}-alpine", "FROM ${IMAGE}"));
    expect(a.stages[0]?.fromResolved).toBe("node:20-alpine");
  });

  it("records ARGs with no value that FROM uses, because they resolve to nothing", () => {
    const a = analysis(df("ARG GO_VERSION", "FROM golang:${GO_VERSION}"));
    expect(a.stages[0]).toMatchObject({ fromResolved: "golang:", unsetArgs: ["GO_VERSION"] });
  });

  it("an instruction other than ARG before the first FROM is an error with its line", () => {
    const a = analysis(df("ARG BASE=alpine:3.20", "ENV A=1", "FROM ${BASE}"));
    expect(errors(a)).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/before the first FROM/) }),
    ]);
  });
});

describe("platforms", () => {
  it("keeps BuildKit's platform ARGs symbolic and substitutes declared ones", () => {
    const a = analysis(
      df(
        "ARG RUNTIME_PLATFORM=linux/arm64",
        "FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build",
        "FROM --platform=${RUNTIME_PLATFORM} alpine:3.20",
      ),
    );
    expect(a.stages.map((s) => s.platform)).toEqual(["${BUILDPLATFORM}", "linux/arm64"]);
    expect(a.stages[0]?.fromResolved).toBe("golang:1.22-alpine");
  });
});

describe("stage references", () => {
  it("COPY --from=<index> is a zero-based stage reference", () => {
    const a = analysis(
      df("FROM golang:1.22 AS build", "RUN go build -o /app .", "FROM scratch", "COPY --from=0 /app /app"),
    );
    expect(a.edges).toEqual([{ kind: "copy", fromStage: 0, toStage: 1, line: 4, by: "index" }]);
    expect(a.stages[1]?.base).toEqual({ kind: "scratch" });
  });

  it("an index past the last stage is an error", () => {
    const a = analysis(df("FROM alpine:3.20", "COPY --from=3 /a /a"));
    expect(errors(a)).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/no stage 3/) }),
    ]);
  });

  it("COPY --from=<anything that is not a stage> copies from an external image", () => {
    const a = analysis(
      df("FROM nginx:1.27-alpine", "COPY --from=busybox:1.36 /bin/busybox /bin/busybox", "USER nginx"),
    );
    expect(a.edges).toEqual([]);
    expect(a.externalImages).toEqual([{ kind: "copy", image: "busybox:1.36", stage: 0, line: 2 }]);
    expect(a.shipped[0]).toMatchObject({
      kind: "copy",
      fromStage: null,
      image: "busybox:1.36",
      sources: ["/bin/busybox"],
    });
  });

  it("stage names match in any case in COPY --from and --target; the name is stored lower-case", () => {
    const text = df(
      "FROM golang:1.22 AS Builder",
      "RUN go build -o /out/app .",
      "FROM scratch AS Final",
      "COPY --from=BUILDER /out/app /app",
    );
    const a = analysis(text);
    expect(a.stages[0]).toMatchObject({ name: "Builder", normalizedName: "builder", label: "builder" });
    expect(a.edges).toEqual([
      expect.objectContaining({ kind: "copy", fromStage: 0, toStage: 1, by: "name" }),
    ]);
    expect(analysis(text, "bUiLdEr").target.shipping).toBe(0);
  });

  it("FROM <Stage> in the wrong case is reported, because BuildKit would look for an image", () => {
    const a = analysis(df("FROM alpine:3.20 AS base", "FROM Base", "USER 1"));
    expect(a.edges).toEqual([expect.objectContaining({ kind: "from", fromStage: 0, toStage: 1 })]);
    expect(errors(a)[0]?.message).toMatch(/lower case/);
  });

  it("FROM <earlier stage> inherits that stage, and the inheritance shows in what ships", () => {
    const a = analysis(
      df(
        "FROM node:20-alpine AS base",
        "WORKDIR /app",
        "USER node",
        "FROM base AS dev",
        "COPY --from=docs /site /site",
        "FROM base AS prod",
        "COPY . .",
        "FROM nginx:1.27 AS docs",
      ),
      "prod",
    );
    expect(a.stages[2]?.base).toEqual({ kind: "stage", stage: 0 });
    expect(a.edges.filter((e) => e.kind === "from").map((e) => [e.fromStage, e.toStage])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(a.shipped).toEqual([
      expect.objectContaining({ kind: "inherit", intoStage: 2, fromStage: 0, line: 6 }),
    ]);
    expect(a.estimatedSize).toMatchObject({ baseImage: "node:20-alpine", mb: 130 });
  });

  it("RUN --mount from=<stage> is an edge; secret, cache and external-image mounts are not", () => {
    const a = analysis(
      df(
        "FROM node:20-alpine AS deps",
        "RUN npm ci",
        "FROM node:20-alpine AS test",
        "RUN --mount=type=bind,from=deps,source=/node_modules,target=/app/node_modules \\",
        "    --mount=type=cache,target=/root/.npm \\",
        "    --mount=type=secret,id=npmrc,target=/root/.npmrc \\",
        "    --mount=from=golangci/golangci-lint:v1.59,source=/usr/bin/golangci-lint,target=/lint \\",
        "    npm test",
      ),
    );
    expect(a.edges).toEqual([{ kind: "mount", fromStage: 0, toStage: 1, line: 4, by: "name" }]);
    expect(a.externalImages).toEqual([
      { kind: "mount", image: "golangci/golangci-lint:v1.59", stage: 1, line: 4 },
    ]);
    expect(a.shipped).toEqual([]);
  });

  it("copying from the stage itself is an error", () => {
    const a = analysis(df("FROM alpine:3.20 AS app", "COPY --from=app /a /b"));
    expect(errors(a)).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/itself/) }),
    ]);
  });

  it("copying from a later stage (or from itself) is refused, as BuildKit 1.7+ does", () => {
    const forward = analysis(
      df("FROM alpine:3.20 AS a", "COPY --from=b /x /x", "FROM alpine:3.20 AS b", "RUN touch /x"),
    );
    expect(forward.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        line: 2,
        message: expect.stringMatching(
          /^cannot copy from stage "b", it needs to be defined before current stage "a"/,
        ),
      }),
    ]);
    expect(forward.edges).toEqual([]);

    const itself = analysis(df("FROM alpine:3.20 AS a", "COPY --from=a /y /y"));
    expect(errors(itself)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/copies from itself/) }),
    ]);
  });

  it("variables in COPY --from are an error, as in BuildKit", () => {
    const a = analysis(
      df("ARG SRC=build", "FROM alpine:3.20 AS build", "FROM alpine:3.20", "COPY --from=${SRC} /a /a"),
    );
    expect(errors(a)[0]).toMatchObject({
      line: 4,
      message: expect.stringMatching(/variables are not expanded/),
    });
  });

  it("warns about a duplicate stage name", () => {
    const a = analysis(df("FROM alpine:3.20 AS app", "FROM alpine:3.20 AS APP"));
    expect(a.problems).toEqual([expect.objectContaining({ severity: "warning", line: 2 })]);
  });
});

describe("build targets", () => {
  const withTests = df(
    "FROM golang:1.22-alpine AS build",
    "WORKDIR /src",
    "COPY go.mod go.sum ./",
    "RUN go mod download",
    "COPY . .",
    "RUN CGO_ENABLED=0 go build -o /out/server .",
    "FROM build AS test",
    "RUN go test ./...",
    "FROM scratch AS runtime",
    "COPY --from=build /out/server /server",
    "USER 65534",
    'ENTRYPOINT ["/server"]',
  );

  it("skips stages the shipping stage does not need", () => {
    expect(analysis(withTests).target).toEqual({ shipping: 2, explicit: false, built: [0, 2], skipped: [1] });
  });

  it("--target <name> builds only that stage and its dependencies", () => {
    expect(analysis(withTests, "test").target).toEqual({
      shipping: 1,
      explicit: true,
      built: [0, 1],
      skipped: [2],
    });
  });

  it("--target accepts a zero-based index", () => {
    expect(analysis(withTests, 0).target).toMatchObject({ shipping: 0, built: [0], skipped: [1, 2] });
  });

  it("an unknown target is an error and the last stage ships", () => {
    const a = analysis(withTests, "prod");
    expect(a.target).toMatchObject({ shipping: 2, explicit: false });
    expect(errors(a)[0]?.message).toMatch(/"prod" could not be found/);
  });

  it("the estimate for a scratch image is 0 MB", () => {
    expect(analysis(withTests).estimatedSize).toMatchObject({ baseImage: "scratch", mb: 0 });
  });

  it("has no estimate when the base isn't in the size data", () => {
    expect(analysis(withTests, "test").estimatedSize).toBeNull();
  });
});

describe("input the explorer can't analyse comes back as an error value", () => {
  it("empty input asks for a Dockerfile", () => {
    for (const text of ["", "   \n\t\n"]) {
      const result = analyzeDockerfile(text);
      expect(result).toEqual({
        ok: false,
        error: { code: "empty", message: expect.stringMatching(/^Paste a Dockerfile/) },
      });
    }
  });

  it("a file with no FROM says so", () => {
    const result = analyzeDockerfile(df("# just a comment", "ARG VERSION=1"));
    expect(result).toEqual({
      ok: false,
      error: { code: "no-from", message: expect.stringMatching(/No FROM/) },
    });
  });

  it("input over 256 KB is refused before parsing", () => {
    const big = `FROM alpine\n${"RUN echo padding-padding-padding\n".repeat(Math.ceil(MAX_DOCKERFILE_BYTES / 30))}`;
    const result = analyzeDockerfile(big);
    expect(result).toEqual({
      ok: false,
      error: { code: "too-large", message: expect.stringMatching(/256 KB/) },
    });
  });

  it("counts bytes, not characters, for the size limit", () => {
    const multiByte = `FROM alpine\nLABEL x="${"é".repeat(MAX_DOCKERFILE_BYTES / 2)}"\n`;
    expect(multiByte.length).toBeLessThan(MAX_DOCKERFILE_BYTES);
    expect(analyzeDockerfile(multiByte).ok).toBe(false);
  });
});
