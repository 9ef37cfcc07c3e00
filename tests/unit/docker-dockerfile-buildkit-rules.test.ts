// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text uses ${VAR} literally.
// BuildKit behaviours the analyzer once got wrong (issue 19, "Parse as BuildKit does"), and findings
// that must hold for the file whatever --target the explorer shows (issue 21, "Stage explorer").
import { describe, expect, it } from "vitest";
import { analyzeDockerfile, type DockerfileAnalysis, parseDockerfile } from "@/lib/docker/dockerfile";

const df = (...lines: string[]) => `${lines.join("\n")}\n`;

function analysis(text: string, target?: string): DockerfileAnalysis {
  const result = analyzeDockerfile(text, target ? { target } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.analysis;
}
const errors = (a: DockerfileAnalysis) =>
  a.problems.filter((p) => p.severity === "error").map((p) => p.message);

describe("line continuation", () => {
  it("a line ending in an escaped backslash does not continue (WORKDIR C:\\\\)", () => {
    const text = df(
      "FROM windows AS build",
      "WORKDIR C:\\\\",
      "FROM build AS app",
      "COPY --from=build C:\\\\app C:\\\\app",
    );
    const a = analysis(text);
    expect(a.stages.map((s) => s.name)).toEqual(["build", "app"]);
    expect(errors(a)).toEqual([]);
  });

  it("trailing spaces after an escaped escape change nothing, also for a doubled backtick", () => {
    expect(parseDockerfile(df("FROM a", "WORKDIR C:\\\\   ", "RUN x")).instructions).toHaveLength(3);
    const backtick = parseDockerfile(df("# escape=`", "FROM a", "WORKDIR C:\\app``  ", "FROM a AS two"));
    expect(backtick.instructions.map((i) => i.keyword)).toEqual(["FROM", "WORKDIR", "FROM"]);
    expect(backtick.instructions[1]?.argv).toEqual(["C:\\app``"]);
  });
});

describe("heredocs", () => {
  it("reads a heredoc with spaces after << and never turns its body into stages", () => {
    const a = analysis(
      df(
        "FROM alpine:3.20",
        "RUN << EOF",
        "FROM evil",
        "echo hi",
        "EOF",
        "RUN <<- 'END'",
        "\tFROM x",
        "\tEND",
      ),
    );
    expect(a.stages).toHaveLength(1);
    const [first, second] = a.stages[0]?.instructions ?? [];
    expect(first?.heredocs[0]).toMatchObject({ name: "EOF", body: "FROM evil\necho hi\n", expand: true });
    expect(second?.heredocs[0]).toMatchObject({ name: "END", chomp: true, expand: false });
  });
});

describe("whitespace and the byte order mark", () => {
  it("strips a BOM at the very start only", () => {
    expect(analysis("\uFEFFFROM alpine:3.20\n").stages[0]?.fromResolved).toBe("alpine:3.20");
    const inner = analyzeDockerfile("FROM alpine:3.20\n\uFEFFRUN true\n");
    expect(inner.ok && errors(inner.analysis)).toEqual([expect.stringContaining("Unknown instruction")]);
  });

  it("a no-break space does not separate FROM's words", () => {
    const a = analysis("FROM alpine:3.20 AS\u00a0build\n");
    expect(a.stages[0]?.name).toBeNull();
    expect(errors(a)).toEqual([expect.stringContaining("FROM takes an image")]);
  });

  it("refuses a line over 64 KB", () => {
    const a = analysis(`FROM alpine:3.20\nRUN echo ${"x".repeat(70_000)}\n`);
    expect(errors(a)).toEqual([expect.stringContaining("longer than 64 KB")]);
  });
});

describe("what BuildKit refuses", () => {
  it("COPY --from and RUN --mount from= a stage defined later", () => {
    const a = analysis(
      df(
        "FROM alpine:3.20 AS app",
        "COPY --from=build /out /out",
        "RUN --mount=from=build,target=/b true",
        "FROM alpine:3.20 AS build",
      ),
    );
    expect(errors(a)).toEqual([
      expect.stringContaining(
        'cannot copy from stage "build", it needs to be defined before current stage "app"',
      ),
      expect.stringContaining('cannot mount from stage "build"'),
    ]);
    expect(a.edges).toEqual([]);
  });

  it("ENV without a value, nested JSON arrays in exec form, ${VAR:?message} with VAR unset", () => {
    expect(errors(analysis(df("FROM alpine:3.20", "ENV PATH")))).toEqual([
      expect.stringContaining("ENV must have two arguments"),
    ]);
    expect(errors(analysis(df("FROM alpine:3.20", 'CMD ["echo", ["nested"]]')))).toEqual([
      expect.stringContaining("arrays must be comprised of strings only"),
    ]);
    expect(errors(analysis(df("FROM ${IMAGE:?required}")))).toEqual([
      expect.stringContaining("IMAGE: required"),
    ]);
    expect(errors(analysis(df("ARG IMAGE=", "FROM ${IMAGE:?}")))).toEqual([
      expect.stringContaining("IMAGE: is not allowed to be empty"),
    ]);
  });
});

describe("expansion in FROM and ARG", () => {
  it("applies %, %%, #, ##, / and // as BuildKit's shell lexer does", () => {
    const a = analysis(
      df(
        "ARG IMAGE=docker.io/library/node:20.11-alpine",
        "ARG TAG=${IMAGE##*:}",
        "ARG VERSION=${TAG%%-*}",
        "FROM ${IMAGE%:*}:${VERSION%.*} AS short",
        "FROM ${IMAGE#docker.io/} AS prefix",
        "FROM ${IMAGE/alpine/slim} AS replaced",
        "FROM ${IMAGE//[.]/x} AS none",
      ),
    );
    expect(a.stages.map((s) => s.fromResolved)).toEqual([
      "docker.io/library/node:20",
      "library/node:20.11-alpine",
      "docker.io/library/node:20.11-slim",
      "docker.io/library/node:20.11-alpine",
    ]);
  });
});

describe("findings hold for the file, whatever the chosen target", () => {
  const threeStages = df(
    "FROM node:20-alpine AS deps",
    "WORKDIR /app",
    "COPY package.json package-lock.json ./",
    "RUN npm ci --omit=dev",
    "FROM node:20-alpine AS build",
    "WORKDIR /app",
    "COPY . .",
    "RUN npm ci && npm run build",
    "FROM node:20-alpine AS runner",
    "WORKDIR /app",
    "COPY --from=deps /app/node_modules ./node_modules",
    "COPY --from=build /app/dist ./dist",
    'CMD ["node", "dist/server.js"]',
  );

  it("with --target build, deps (which the default target needs) is not unused and build's root is no warning", () => {
    const ids = analysis(threeStages, "build").findings.map((f) => `${f.id}@${f.line}`);
    expect(ids).not.toContain("unused-stage@1");
    expect(ids).not.toContain("no-user@5");
    expect(ids).toEqual(analysis(threeStages).findings.map((f) => `${f.id}@${f.line}`));
  });
});
