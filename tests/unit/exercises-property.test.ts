// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text uses ${VAR} literally.
// Property tests: the grader is a trust boundary (a learner submits anything), so over generated
// submissions and every check kind it never throws, answers within its time budget, and its outcome
// is always well formed: one result per check, in order, with lines inside the file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADE_BUDGET_MS, gradeExercise } from "@/lib/exercises/grade";
import { ExerciseDefinitionSchema } from "@/lib/exercises/schema";
import { timeBounded } from "../support/timing";

const hints = ["One."];
const definition = ExerciseDefinitionSchema.parse({
  id: "every-kind",
  title: "Every kind",
  task: "T",
  starter: "FROM scratch\n",
  solution: "FROM scratch\n",
  context: ["package.json", "package-lock.json", "server.js", "src/", "src/index.ts", ".env", "go.mod"],
  dockerignore: "node_modules\n.git\n",
  checks: [
    { id: "base", kind: "base-image", allowed: ["node:*-alpine", "scratch"], description: "D", hints },
    { id: "named", kind: "stage-exists", name: "build", description: "D", hints },
    { id: "count", kind: "stage-count", min: 2, max: 3, description: "D", hints },
    { id: "copies", kind: "copies-from-stage", stage: "build", description: "D", hints },
    { id: "ships", kind: "path-ships", image: "/app/node_modules", description: "D", hints },
    { id: "out", kind: "path-stays-out", context: ".env", description: "D", hints },
    { id: "root", kind: "no-finding", rule: "no-user", description: "D", hints },
    { id: "dev", kind: "no-finding", rule: "dev-dependencies-shipped", description: "D", hints },
    { id: "user", kind: "instruction", keyword: "USER", user: "numeric-non-root", description: "D", hints },
    { id: "mount", kind: "instruction", keyword: "RUN", mount: "secret", description: "D", hints },
    {
      id: "cmd",
      kind: "instruction",
      keyword: "RUN",
      stage: "build",
      command: ["go", "build"],
      env: { CGO_ENABLED: "0" },
      description: "D",
      hints,
    },
    { id: "port", kind: "instruction", keyword: "EXPOSE", port: 8080, description: "D", hints },
    { id: "size", kind: "max-size", mb: 150, description: "D", hints },
    { id: "order", kind: "install-before-source", description: "D", hints },
  ],
});

const name = fc.constantFrom("build", "Build", "deps", "0", "1", "runtime", "x");
const image = fc.constantFrom("node:20", "node:20-alpine", "golang:1.22", "scratch", "build", "${IMG}", "");
const word = fc.stringMatching(/^[a-zA-Z0-9$/{}:._*?=,'" \\-]{0,14}$/);
const line = fc.oneof(
  fc.tuple(image, fc.option(name)).map(([i, n]) => (n ? `FROM ${i} AS ${n}` : `FROM ${i}`)),
  fc.tuple(name, word, word).map(([n, a, b]) => `COPY --from=${n} ${a} ${b}`),
  fc.tuple(word, word).map(([a, b]) => `COPY ${a} ${b}`),
  fc.constantFrom(
    "COPY . .",
    "COPY package*.json ./",
    "WORKDIR /app",
    "WORKDIR src",
    "RUN npm ci",
    "RUN npm ci --omit=dev",
    "RUN npm prune --omit=dev",
    "RUN CGO_ENABLED=0 go build -o /out/app .",
    "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci",
    "RUN --mount=type=cache,target=/root/.npm npm ci",
    "RUN java -Djarmode=layertools -jar app.jar extract --destination out",
    "USER node",
    "USER 65534:65534",
    "USER 0",
    "USER ${U}",
    "ENV NODE_ENV=production CGO_ENABLED=0",
    "ARG IMG=node:20-alpine",
    "EXPOSE 8080/tcp 3000",
    "HEALTHCHECK NONE",
    "# syntax=docker/dockerfile:1",
    "RUN <<EOF\nnpm ci\nEOF",
    "\\",
    "",
  ),
  word.map((w) => `RUN ${w}`),
  word,
);
const dockerfile = fc.array(line, { maxLength: 40 }).map((lines) => lines.join("\n"));
/** Anything at all: unicode, control characters, long runs. */
const anything = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.tuple(line, fc.nat(2000)).map(([l, n]) => `${l}\n`.repeat(n)),
);

function expectWellFormed(source: string) {
  const { result: outcome, fastestMs } = timeBounded(
    () => gradeExercise(definition, source),
    GRADE_BUDGET_MS,
  );
  expect(fastestMs).toBeLessThan(GRADE_BUDGET_MS);
  if (!outcome.ok) {
    expect(outcome.overBudget).toBeUndefined();
    expect(outcome.message.length).toBeGreaterThan(10);
    return;
  }
  expect(outcome.checks.map((c) => c.id)).toEqual(definition.checks.map((c) => c.id));
  const lines = source.split("\n").length;
  for (const check of outcome.checks) {
    expect(typeof check.passed).toBe("boolean");
    expect(check.hintCount).toBe(1);
    if (check.line !== null) expect(check.line).toBeGreaterThanOrEqual(1);
    if (check.line !== null) expect(check.line).toBeLessThanOrEqual(lines);
    if (!check.passed) expect(check.detail, check.id).toBeTruthy();
  }
  expect(outcome.passed).toBe(outcome.checks.every((c) => c.passed));
  if (outcome.estimatedFinalMb !== null) expect(outcome.estimatedFinalMb).toBeGreaterThanOrEqual(0);
}

describe("the grader on any submission", () => {
  it("never throws, answers within its budget, and every outcome is well formed (Dockerfile-like input)", () => {
    fc.assert(fc.property(dockerfile, expectWellFormed), { numRuns: 400 });
  });

  it("does the same on arbitrary text, binary and long repetitions", () => {
    fc.assert(fc.property(anything, expectWellFormed), { numRuns: 200 });
  });

  it("a failing check always says what it found, and the line it names holds an instruction", () => {
    fc.assert(
      fc.property(dockerfile, (source) => {
        const outcome = gradeExercise(definition, source);
        if (!outcome.ok) return;
        const lines = source.split("\n");
        for (const check of outcome.checks)
          if (check.line !== null) expect(lines[check.line - 1]?.trim(), check.id).not.toBe("");
      }),
      { numRuns: 200 },
    );
  });
});
