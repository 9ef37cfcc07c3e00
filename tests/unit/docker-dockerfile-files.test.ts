import { describe, expect, it } from "vitest";
import { analyzeDockerfile } from "@/lib/docker/dockerfile";
import { type BuildContext, stageFiles } from "@/lib/docker/dockerfile/files";

/** The paths each stage holds (beyond its base image), with where they came from. */
function files(text: string, context: BuildContext = {}) {
  const result = analyzeDockerfile(text);
  if (!result.ok) throw new Error(result.error.message);
  return stageFiles(result.analysis.stages, context, "\\").map((stage) =>
    stage.map(
      (f) =>
        `${f.path}${f.tree ? "/" : ""} ← ${f.origin.kind}${"path" in f.origin ? `:${f.origin.path}` : `:${f.origin.what}`}@${f.line}`,
    ),
  );
}

describe("what each stage holds", () => {
  it("places context files under WORKDIR, by the listing, leaving out what .dockerignore excludes", () => {
    const context = {
      files: ["server.js", "package.json", "src/a.js", "src/b.js", ".env"],
      dockerignore: ".env\n",
    };
    expect(files("FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY src lib/\n", context)[0]).toEqual([
      "/app/server.js ← context:server.js@3",
      "/app/package.json ← context:package.json@3",
      "/app/src/a.js ← context:src/a.js@3",
      "/app/src/b.js ← context:src/b.js@3",
      "/app/lib/a.js ← context:src/a.js@4",
      "/app/lib/b.js ← context:src/b.js@4",
    ]);
  });

  it("without a listing, COPY . stands for the whole context, and globs and files land inside a directory destination", () => {
    expect(files("FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nCOPY . .\n")[0]).toEqual([
      "/app/package*.json ← context:package*.json@3",
      "/app/ ← context:@4",
    ]);
  });

  it("follows COPY --from through the source stage's entries, keeping the origin", () => {
    const text = `FROM node:20 AS build
WORKDIR /app
COPY server.js ./
RUN npm ci
FROM node:20-alpine
WORKDIR /srv
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app /code
COPY --from=build /etc/passwd /etc/passwd
`;
    expect(files(text)[1]).toEqual([
      "/srv/node_modules/ ← run:npm ci@7",
      "/code/server.js ← context:server.js@8",
      "/code/node_modules/ ← run:npm ci@8",
      "/etc/passwd/ ← stage:/etc/passwd@9",
    ]);
  });

  it("inherits a FROM stage's files and WORKDIR, and knows go build -o and layertools extract", () => {
    const text = `FROM golang:1.22 AS build
WORKDIR /src
RUN CGO_ENABLED=0 go build -o out/app .
FROM build AS layers
RUN java -Djarmode=layertools -jar app.jar extract --destination /l
`;
    expect(files(text)[1]).toEqual([
      "/src/out/app/ ← run:go build@3",
      "/l/dependencies/ ← run:layertools extract@5",
      "/l/spring-boot-loader/ ← run:layertools extract@5",
      "/l/snapshot-dependencies/ ← run:layertools extract@5",
      "/l/application/ ← run:layertools extract@5",
    ]);
  });
});
