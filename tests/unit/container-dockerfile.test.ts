import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDockerfile } from "@/lib/docker/dockerfile";
import { runScript, simpleCommands } from "@/lib/docker/dockerfile/commands";
import { parseJsonArray, parseKeyValues } from "@/lib/docker/dockerfile/words";
import { contextFiles, isIgnored, parseDockerignore } from "../e2e/support/container-image";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const result = analyzeDockerfile(dockerfile);
if (!result.ok) throw new Error(result.error.message);
const analysis = result.analysis;
const stage = (name: string) => {
  const found = analysis.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
const instructions = (name: string, keyword: string) =>
  stage(name).instructions.filter((i) => i.keyword === keyword);

describe("Lectern's own Dockerfile, as the stage explorer sees it", () => {
  it("has no findings and no problems at all", () => {
    expect(analysis.findings).toEqual([]);
    expect(analysis.problems).toEqual([]);
  });

  it("is deps → build → runtime, ships the runtime stage and builds every stage for it", () => {
    expect(analysis.stages.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    expect(analysis.target.shipping).toBe(stage("runtime").index);
    expect(analysis.target.skipped).toEqual([]);
    expect(analysis.directives.syntax).toBe("docker/dockerfile:1");
    expect(dockerfile.startsWith("# syntax=docker/dockerfile:1\n")).toBe(true);
  });

  it("builds and runs on the same pinned glibc base (better-sqlite3 is compiled in deps)", () => {
    const deps = stage("deps");
    const runtime = stage("runtime");
    expect(deps.fromResolved).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    expect(runtime.fromResolved).toBe(deps.fromResolved);
    expect(stage("build").base).toEqual({ kind: "stage", stage: deps.index });
    const apt = instructions("deps", "RUN").flatMap((i) => simpleCommands(runScript(i)));
    expect(apt.find((w) => w[0] === "apt-get" && w[1] === "install")).toEqual(
      expect.arrayContaining(["python3", "make", "g++"]),
    );
    // No compiler, apt or npm install in the image that ships.
    for (const run of instructions("runtime", "RUN"))
      for (const words of simpleCommands(runScript(run))) expect(["mkdir", "chown"]).toContain(words[0]);
  });

  it("installs with npm ci and a cache mount, and builds the standalone server", () => {
    const install = instructions("deps", "RUN").find((i) => runScript(i).includes("npm ci"));
    expect(install?.flags).toContainEqual(
      expect.objectContaining({ name: "mount", value: "type=cache,target=/root/.npm" }),
    );
    const env = Object.fromEntries(
      instructions("build", "ENV").flatMap((i) =>
        parseKeyValues(i.args, "\\", true).map((kv) => [kv.key, kv.value]),
      ),
    );
    expect(env.LECTERN_STANDALONE).toBe("1");
    expect(instructions("build", "RUN").map(runScript).join("\n")).toMatch(/npm run build/);
  });

  it("ships only build output, content, migrations and the entry point, as a non-root user", () => {
    const copies = analysis.shipped.filter((c) => c.kind === "copy");
    expect(copies.every((c) => c.fromStage === stage("build").index)).toBe(true);
    expect(copies.flatMap((c) => c.sources).sort()).toEqual(
      [
        "/app/.next/container/start.mjs",
        "/app/.next/lectern-content.json",
        "/app/.next/standalone",
        "/app/.next/static",
        "/app/content/courses",
        "/app/prisma/migrations",
        "/app/prisma/postgres/migrations",
        "/app/public",
      ].sort(),
    );
    expect(instructions("runtime", "USER").map((i) => i.args.trim())).toEqual(["node"]);
    expect(instructions("runtime", "EXPOSE").map((i) => i.args.trim())).toEqual(["3000"]);
    expect(parseJsonArray(instructions("runtime", "CMD")[0]?.args ?? "")).toEqual(["node", "start.mjs"]);
    const health = instructions("runtime", "HEALTHCHECK")[0]?.args ?? "";
    expect(health).toContain("/api/health");
    expect(health).toMatch(/CMD \["node", "-e"/);
    const env = Object.fromEntries(
      instructions("runtime", "ENV").flatMap((i) =>
        parseKeyValues(i.args, "\\", true).map((kv) => [kv.key, kv.value]),
      ),
    );
    expect(env).toMatchObject({
      NODE_ENV: "production",
      HOSTNAME: "0.0.0.0",
      PORT: "3000",
      DATABASE_URL: "file:/data/lectern.db",
    });
  });
});

describe("Part 7 shows this exact Dockerfile", () => {
  it("embeds the repository's Dockerfile byte for byte as \"Lectern's own Dockerfile\"", () => {
    const lesson = readFileSync(path.join(ROOT, "content/courses/docker/07-multi-stage-builds.mdx"), "utf8");
    const block = /^```dockerfile title="Lectern's own Dockerfile"\n([\s\S]*?\n)```$/m.exec(lesson);
    expect(block, 'the lesson has no dockerfile block titled "Lectern\'s own Dockerfile"').not.toBeNull();
    expect(block?.[1]).toBe(dockerfile);
  });
});

describe(".dockerignore", () => {
  const rules = parseDockerignore(readFileSync(path.join(ROOT, ".dockerignore"), "utf8"));

  it("follows Docker's matching rules", () => {
    const r = parseDockerignore("node_modules\n/.next-*\nprisma/*.db\n**/*.log\n!keep.log\n# comment\n");
    expect(isIgnored(r, "node_modules")).toBe(true);
    expect(isIgnored(r, "node_modules/next/package.json")).toBe(true);
    expect(isIgnored(r, "lib/node_modules")).toBe(false); // patterns start at the context root
    expect(isIgnored(r, ".next-e2e/BUILD_ID")).toBe(true);
    expect(isIgnored(r, "prisma/dev.db")).toBe(true);
    expect(isIgnored(r, "prisma/schema.prisma")).toBe(false);
    expect(isIgnored(r, "a/b/c.log")).toBe(true);
    expect(isIgnored(r, "keep.log")).toBe(false);
  });

  it("leaves out dependencies, build output, databases, secrets and tests", () => {
    for (const p of [
      "node_modules/next/package.json",
      "generated/prisma/client.ts",
      ".next/BUILD_ID",
      ".next-e2e/BUILD_ID",
      ".git/HEAD",
      ".env",
      ".env.local",
      "prisma/dev.db",
      "prisma/dev.db-wal",
      "tests/unit/env.test.ts",
      "test-results/x.png",
    ])
      expect(isIgnored(rules, p), p).toBe(true);
  });

  it("keeps everything the build stage needs", () => {
    const files = contextFiles(rules);
    for (const p of [
      "package.json",
      "package-lock.json",
      "next.config.mjs",
      "postcss.config.mjs",
      "tsconfig.json",
      "prisma/schema.prisma",
      "prisma/migrations/migration_lock.toml",
      "scripts/build.ts",
      "scripts/container/start.ts",
      "scripts/container/bundle.ts",
      "content/courses/docker/course.json",
      "app/layout.tsx",
    ])
      expect(files, p).toContain(p);
    for (const dir of ["app/", "components/", "lib/", "content/courses/"])
      expect(
        files.some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
  });
});
