import { describe, expect, it } from "vitest";
import { GRADE_BUDGET_MS, gradeExercise } from "@/lib/exercises/grade";
import { exerciseHint, exerciseSolution, exerciseVersion, toPublicExercise } from "@/lib/exercises/public";
import {
  type ExerciseCheck,
  type ExerciseDefinition,
  ExerciseDefinitionSchema,
} from "@/lib/exercises/schema";
import { timeBounded } from "../support/timing";

const hints = ["A nudge.", "Nearly the answer."];

/** One check, graded on one Dockerfile: its outcome. */
function outcome(check: Record<string, unknown>, source: string, extra: Partial<ExerciseDefinition> = {}) {
  const parsed = ExerciseDefinitionSchema.parse({
    id: "t",
    title: "T",
    task: "Do it.",
    starter: "FROM scratch\n",
    solution: "FROM scratch\n",
    checks: [{ id: "c", description: "The check.", hints, ...check }],
    ...extra,
  });
  const result = gradeExercise(parsed, source);
  if (!result.ok) throw new Error(result.message);
  return result.checks[0]!;
}

const NODE_MULTI = `FROM node:20-alpine AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-alpine AS runtime
WORKDIR /app
COPY --from=builder /app/node_modules ./node_modules
COPY package.json server.js ./
USER node
EXPOSE 3000
HEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1
CMD ["node", "server.js"]
`;

const NODE_SINGLE = `FROM node:20
WORKDIR /app
COPY . .
RUN npm install
CMD ["node", "server.js"]
`;

describe("base-image", () => {
  it("passes an allowed final base (with * patterns) and names the base and its FROM line otherwise", () => {
    const check = { kind: "base-image", allowed: ["node:20-alpine*"] };
    expect(outcome(check, NODE_MULTI)).toMatchObject({ passed: true, line: 6 });
    const failed = outcome(check, NODE_SINGLE);
    expect(failed).toMatchObject({ passed: false, line: 1 });
    expect(failed.detail).toContain("node:20");
  });

  it("follows FROM <stage> to the image the final stage really starts from", () => {
    const source = "FROM golang:1.22 AS build\nFROM build AS final\n";
    expect(outcome({ kind: "base-image", allowed: ["scratch"] }, source)).toMatchObject({
      passed: false,
      line: 1,
    });
  });
});

describe("stage-exists and stage-count", () => {
  it("finds a named stage in any case and lists the names when it is missing", () => {
    expect(outcome({ kind: "stage-exists", name: "Builder" }, NODE_MULTI)).toMatchObject({
      passed: true,
      line: 1,
    });
    const missing = outcome({ kind: "stage-exists", name: "build" }, NODE_MULTI);
    expect(missing.passed).toBe(false);
    expect(missing.detail).toContain('"builder"');
  });

  it("counts stages against min and max, pointing at the first stage over the limit", () => {
    expect(outcome({ kind: "stage-count", min: 2 }, NODE_SINGLE)).toMatchObject({
      passed: false,
      line: null,
    });
    expect(outcome({ kind: "stage-count", min: 2, max: 3 }, NODE_MULTI).passed).toBe(true);
    expect(outcome({ kind: "stage-count", max: 1 }, NODE_MULTI)).toMatchObject({ passed: false, line: 6 });
  });
});

describe("copies-from-stage", () => {
  it("passes when the final stage copies from the stage and says which line", () => {
    expect(outcome({ kind: "copies-from-stage", stage: "builder" }, NODE_MULTI)).toMatchObject({
      passed: true,
      line: 8,
    });
  });

  it("fails a final stage built FROM the stage (it keeps everything) and a final stage that is the stage", () => {
    const inherit = "FROM node:20 AS builder\nRUN npm ci\nFROM builder AS final\n";
    expect(outcome({ kind: "copies-from-stage", stage: "builder" }, inherit)).toMatchObject({
      passed: false,
      line: 3,
    });
    expect(outcome({ kind: "copies-from-stage", stage: "builder" }, "FROM node:20 AS builder\n").passed).toBe(
      false,
    );
  });
});

describe("no-finding", () => {
  it("fails when the rule fires for the shipping stage and ignores builder stages", () => {
    expect(outcome({ kind: "no-finding", rule: "no-user" }, NODE_SINGLE)).toMatchObject({
      passed: false,
      line: 1,
    });
    expect(outcome({ kind: "no-finding", rule: "no-user" }, NODE_MULTI).passed).toBe(true);
    const latestBuilder =
      "FROM golang:latest AS build\nFROM scratch\nCOPY --from=build /out /out\nUSER 65534\n";
    expect(outcome({ kind: "no-finding", rule: "unpinned-base-image" }, latestBuilder).passed).toBe(true);
    expect(
      outcome({ kind: "no-finding", rule: "unpinned-base-image" }, "FROM node:latest\nUSER node\n"),
    ).toMatchObject({
      passed: false,
      line: 1,
    });
  });

  it("catches dev dependencies installed in, or copied into, the final image", () => {
    const rule = { kind: "no-finding", rule: "dev-dependencies-shipped" };
    expect(outcome(rule, NODE_SINGLE)).toMatchObject({ passed: false, line: 4 });
    expect(outcome(rule, NODE_MULTI).passed).toBe(true);
    const copied = NODE_MULTI.replace("npm ci --omit=dev", "npm ci");
    expect(outcome(rule, copied)).toMatchObject({ passed: false, line: 8 });
    const pruned = NODE_MULTI.replace("npm ci --omit=dev", "npm ci && npm prune --omit=dev");
    expect(outcome(rule, pruned).passed).toBe(true);
  });
});

describe("instruction", () => {
  it("USER: non-root, and numeric for scratch, with the line", () => {
    expect(outcome({ kind: "instruction", keyword: "USER", user: "non-root" }, NODE_MULTI)).toMatchObject({
      passed: true,
      line: 10,
    });
    const named = outcome({ kind: "instruction", keyword: "USER", user: "numeric-non-root" }, NODE_MULTI);
    expect(named).toMatchObject({ passed: false, line: 10 });
    const scratch = "FROM scratch\nCOPY app /app\nUSER 65534:65534\n";
    expect(outcome({ kind: "instruction", keyword: "USER", user: "numeric-non-root" }, scratch).passed).toBe(
      true,
    );
    expect(
      outcome({ kind: "instruction", keyword: "USER", user: "non-root" }, "FROM scratch\nUSER 0\n"),
    ).toMatchObject({
      passed: false,
      line: 2,
    });
  });

  it("HEALTHCHECK, EXPOSE with a port, and text an instruction contains", () => {
    expect(outcome({ kind: "instruction", keyword: "HEALTHCHECK" }, NODE_MULTI)).toMatchObject({
      passed: true,
      line: 12,
    });
    expect(outcome({ kind: "instruction", keyword: "HEALTHCHECK" }, NODE_SINGLE).passed).toBe(false);
    expect(outcome({ kind: "instruction", keyword: "EXPOSE", port: 3000 }, NODE_MULTI).passed).toBe(true);
    expect(outcome({ kind: "instruction", keyword: "EXPOSE", port: 8080 }, NODE_MULTI).passed).toBe(false);
    expect(outcome({ kind: "instruction", keyword: "CMD", contains: "server.js" }, NODE_MULTI).passed).toBe(
      true,
    );
  });

  it("RUN --mount types, and a command with the variables it must see", () => {
    const cached =
      "# syntax=docker/dockerfile:1\nFROM node:20-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n";
    expect(outcome({ kind: "instruction", keyword: "RUN", mount: "cache" }, cached)).toMatchObject({
      passed: true,
      line: 3,
    });
    expect(outcome({ kind: "instruction", keyword: "RUN", mount: "secret" }, cached).passed).toBe(false);
    const check = {
      kind: "instruction",
      keyword: "RUN",
      stage: "build",
      command: ["go", "build"],
      env: { CGO_ENABLED: "0" },
    };
    const inline = "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\n";
    const viaEnv = "FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .\nFROM scratch\n";
    const without = "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\n";
    expect(outcome(check, inline)).toMatchObject({ passed: true, line: 2 });
    expect(outcome(check, viaEnv)).toMatchObject({ passed: true, line: 3 });
    const failed = outcome(check, without);
    expect(failed).toMatchObject({ passed: false, line: 2 });
    expect(failed.detail).toContain("CGO_ENABLED=0");
  });
});

describe("max-size", () => {
  it("uses the size data for the final base and says when it has no figure", () => {
    expect(outcome({ kind: "max-size", mb: 150 }, NODE_MULTI)).toMatchObject({ passed: true, line: 6 });
    const big = outcome({ kind: "max-size", mb: 150 }, NODE_SINGLE);
    expect(big.passed).toBe(false);
    expect(big.detail).toContain("1.1 GB");
    const unknown = outcome({ kind: "max-size", mb: 150 }, "FROM python:3.12\n");
    expect(unknown.passed).toBe(false);
    expect(unknown.detail).toContain("no figure");
  });
});

describe("install-before-source", () => {
  it("passes manifests → install → source, and points at a source copied before the install", () => {
    expect(outcome({ kind: "install-before-source" }, NODE_MULTI)).toMatchObject({ passed: true, line: 4 });
    const failed = outcome({ kind: "install-before-source" }, NODE_SINGLE);
    expect(failed).toMatchObject({ passed: false, line: 3 });
    const maven = `FROM eclipse-temurin:21-jdk-alpine AS build
WORKDIR /w
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw dependency:go-offline -B
COPY src src
RUN ./mvnw package -DskipTests
`;
    expect(outcome({ kind: "install-before-source", stage: "build" }, maven)).toMatchObject({
      passed: true,
      line: 5,
    });
  });
});

describe("path-ships and path-stays-out", () => {
  const context = { context: ["server.js", "package.json", "package-lock.json", ".env", "test/app.test.js"] };

  it("follows an image path through COPY --from", () => {
    expect(outcome({ kind: "path-ships", image: "/app/node_modules" }, NODE_MULTI)).toMatchObject({
      passed: true,
      line: 8,
    });
    expect(
      outcome({ kind: "path-ships", image: "/app/node_modules" }, "FROM node:20-alpine\nWORKDIR /app\n")
        .passed,
    ).toBe(false);
  });

  it("follows a context path, with the listing and .dockerignore", () => {
    const env = { kind: "path-stays-out", context: ".env" };
    expect(outcome(env, NODE_SINGLE, context)).toMatchObject({ passed: false, line: 3 });
    expect(outcome(env, NODE_MULTI, context).passed).toBe(true);
    expect(outcome(env, NODE_SINGLE, { ...context, dockerignore: ".env\n" }).passed).toBe(true);
    expect(outcome({ kind: "path-stays-out", context: "test" }, NODE_SINGLE, context).passed).toBe(false);
    expect(outcome({ kind: "path-ships", context: "server.js" }, NODE_MULTI, context).passed).toBe(true);
  });

  it("knows what go build -o and layertools extract leave behind", () => {
    const go =
      "FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /out/pinger .\nFROM scratch\nCOPY --from=build /out/pinger /pinger\n";
    expect(outcome({ kind: "path-ships", image: "/pinger" }, go)).toMatchObject({ passed: true, line: 5 });
    const spring = `FROM eclipse-temurin:21-jdk-alpine AS build
WORKDIR /w/layers
RUN java -Djarmode=layertools -jar app.jar extract
FROM eclipse-temurin:21-jre-alpine
WORKDIR /app
COPY --from=build /w/layers/dependencies/ ./
COPY --from=build /w/layers/application/ ./
`;
    expect(outcome({ kind: "path-stays-out", image: "/app/application" }, spring).passed).toBe(true);
  });
});

/** An exercise whose starter is the single-stage file and solution the multi-stage one. */
const nodeExercise = (extra: Record<string, unknown>) =>
  ExerciseDefinitionSchema.parse({
    id: "e",
    title: "E",
    task: "Do it.",
    starter: NODE_SINGLE,
    solution: NODE_MULTI,
    ...extra,
  });

describe("the grade as a whole", () => {
  const definition = nodeExercise({
    checks: [
      { id: "a", kind: "stage-count", min: 2, description: "Two stages.", hints },
      { id: "b", kind: "no-finding", rule: "no-user", description: "Non-root.", hints: ["One."] },
    ],
  });

  it("answers every check in order with its description and hint count, and the estimated size", () => {
    const result = gradeExercise(definition, NODE_SINGLE);
    expect(result).toMatchObject({
      ok: true,
      passed: false,
      estimatedFinalMb: 1100,
      checks: [
        { id: "a", passed: false, description: "Two stages.", hintCount: 2 },
        { id: "b", passed: false, description: "Non-root.", hintCount: 1 },
      ],
    });
    expect(gradeExercise(definition, NODE_MULTI)).toMatchObject({
      ok: true,
      passed: true,
      estimatedFinalMb: 130,
    });
  });

  it("refuses empty, oversized, binary and many-stage input and a file with no FROM, with a message", () => {
    const messages = [
      "",
      "  \n",
      `FROM scratch\n${"# x\n".repeat(300 * 256)}`,
      "FROM scratch\n\u0000\u0001\u0002",
      Array.from({ length: 10_000 }, (_, i) => `FROM alpine:3.20 AS s${i}`).join("\n"),
      "RUN echo hi\n",
    ].map((source) => gradeExercise(definition, source));
    for (const m of messages) expect(m.ok).toBe(false);
    const texts = messages.map((m) => (m.ok ? "" : m.message));
    expect(texts[0]).toMatch(/empty/);
    expect(texts[2]).toMatch(/KB/);
    expect(texts[3]).toMatch(/binary/);
    expect(texts[4]).toMatch(/10000 FROM lines/);
    expect(texts[5]).toMatch(/FROM/);
  });

  it("grades copies that double across 50 stages within the budget (the file model is capped)", () => {
    const lines = ["FROM alpine:3.20 AS s0", "COPY . /app", "RUN npm ci"];
    for (let i = 1; i < 50; i++)
      lines.push(`FROM alpine:3.20 AS s${i}`, `COPY --from=s${i - 1} / /a`, `COPY --from=s${i - 1} / /b`);
    const paths = nodeExercise({
      checks: [
        { id: "p", kind: "path-ships", image: "/a", description: "D", hints },
        { id: "q", kind: "path-stays-out", context: ".env", description: "D", hints },
      ],
    });
    const { result, fastestMs } = timeBounded(() => gradeExercise(paths, lines.join("\n")), GRADE_BUDGET_MS);
    expect(fastestMs).toBeLessThan(GRADE_BUDGET_MS);
    expect(result).toMatchObject({
      ok: true,
      checks: [
        { id: "p", passed: true },
        { id: "q", passed: false },
      ],
    });
  });

  it("gives up with a message when the time budget runs out", () => {
    let t = 0;
    const result = gradeExercise(definition, NODE_MULTI, { budgetMs: 5, now: () => (t += 10) });
    expect(result).toEqual({ ok: false, overBudget: true, message: expect.stringMatching(/longer than/) });
  });
});

describe("the public view", () => {
  const definition = nodeExercise({
    context: ["server.js"],
    checks: [
      {
        id: "a",
        kind: "stage-exists",
        name: "secret-stage-name",
        description: "Has it.",
        hints: ["Hint one.", "Hint two."],
      },
    ],
  });

  it("carries no check parameter, description, hint or solution, and a version that changes with any edit", () => {
    const view = toPublicExercise(definition);
    const text = JSON.stringify(view);
    for (const secret of ["secret-stage-name", "Has it.", "Hint one", "Hint two", "builder", "stage-exists"])
      expect(text).not.toContain(secret);
    expect(view).toMatchObject({
      id: "e",
      starter: NODE_SINGLE,
      checkCount: 1,
      revealAfterAttempts: 3,
      context: ["server.js"],
    });
    const edited = {
      ...definition,
      checks: [{ ...definition.checks[0]!, hints: ["Other."] }],
    } as ExerciseDefinition;
    expect(exerciseVersion(edited)).not.toBe(view.version);
  });

  it("gives hints one at a time by index, and the solution", () => {
    expect(exerciseHint(definition, "a", 1)).toBe("Hint two.");
    expect(exerciseHint(definition, "a", 2)).toBeNull();
    expect(exerciseHint(definition, "a", -1)).toBeNull();
    expect(exerciseHint(definition, "nope", 0)).toBeNull();
    expect(exerciseSolution(definition)).toBe(NODE_MULTI);
  });

  it("rejects two checks with one id, a stage-count without bounds and a path check with both paths", () => {
    const base = { id: "e", title: "E", task: "T", starter: "FROM scratch\n", solution: "FROM scratch\n" };
    const check = (c: Partial<ExerciseCheck> & Record<string, unknown>) => ({
      id: "a",
      description: "D",
      hints,
      ...c,
    });
    expect(
      ExerciseDefinitionSchema.safeParse({
        ...base,
        checks: [check({ kind: "stage-count", min: 1 }), check({ kind: "stage-count", min: 1 })],
      }).success,
    ).toBe(false);
    expect(
      ExerciseDefinitionSchema.safeParse({ ...base, checks: [check({ kind: "stage-count" })] }).success,
    ).toBe(false);
    expect(
      ExerciseDefinitionSchema.safeParse({
        ...base,
        checks: [check({ kind: "path-ships", image: "/a", context: "a" })],
      }).success,
    ).toBe(false);
  });
});
