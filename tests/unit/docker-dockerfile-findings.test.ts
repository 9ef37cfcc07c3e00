// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text uses ${VAR} literally.
import { describe, expect, it } from "vitest";
import {
  analyzeDockerfile,
  type DockerfileAnalysis,
  type Finding,
  type FindingId,
} from "@/lib/docker/dockerfile";

const df = (...lines: string[]) => `${lines.join("\n")}\n`;

function analysis(text: string, target?: string | number): DockerfileAnalysis {
  const result = analyzeDockerfile(text, { target });
  if (!result.ok) throw new Error(result.error.message);
  return result.analysis;
}

function findings(text: string, id?: FindingId, target?: string | number): Finding[] {
  const all = analysis(text, target).findings;
  return id ? all.filter((f) => f.id === id) : all;
}

const summary = (list: Finding[]) => list.map((f) => `${f.id}@${f.line}`);

describe("good Dockerfiles produce no findings", () => {
  it("a three-stage Node.js build (prod deps, build, non-root runner)", () => {
    const text = df(
      "# syntax=docker/dockerfile:1",
      "FROM node:20-alpine AS deps",
      "WORKDIR /app",
      "COPY package.json package-lock.json ./",
      "RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev",
      "",
      "FROM node:20-alpine AS build",
      "WORKDIR /app",
      "COPY package.json package-lock.json ./",
      "RUN --mount=type=cache,target=/root/.npm npm ci",
      "COPY . .",
      "RUN npm run build",
      "",
      "FROM node:20-alpine AS runner",
      "ENV NODE_ENV=production",
      "WORKDIR /app",
      "COPY --from=deps --chown=node:node /app/node_modules ./node_modules",
      "COPY --from=build --chown=node:node /app/dist ./dist",
      "COPY --chown=node:node package.json ./",
      "USER node",
      "EXPOSE 3000",
      'CMD ["node", "dist/server.js"]',
    );
    expect(findings(text)).toEqual([]);
    expect(analysis(text).problems).toEqual([]);
  });

  it("a Go build to scratch running as USER 65534", () => {
    const text = df(
      "FROM golang:1.22-alpine AS build",
      "WORKDIR /src",
      "RUN apk add --no-cache ca-certificates",
      "COPY go.mod go.sum ./",
      "RUN go mod download",
      "COPY . .",
      'RUN CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w" -o /out/server ./cmd/server',
      "",
      "FROM scratch",
      "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/",
      "COPY --from=build /out/server /server",
      "USER 65534",
      "EXPOSE 8080",
      'ENTRYPOINT ["/server"]',
    );
    expect(findings(text)).toEqual([]);
  });

  it("the Python build with gcc in the builder and a cleaned-up runtime", () => {
    const text = df(
      "FROM python:3.12-slim AS build",
      "RUN apt-get update && apt-get install -y gcc libpq-dev",
      "COPY requirements.txt .",
      "RUN pip install --no-cache-dir --prefix=/install -r requirements.txt",
      "",
      "FROM python:3.12-slim",
      "COPY --from=build /install /usr/local",
      "RUN apt-get update \\",
      "    && apt-get install -y --no-install-recommends libpq5 \\",
      "    && rm -rf /var/lib/apt/lists/*",
      "RUN useradd --create-home app",
      "WORKDIR /home/app",
      "COPY --chown=app:app . .",
      "USER app",
      "EXPOSE 8000",
      'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]',
    );
    expect(findings(text)).toEqual([]);
  });

  it("the Spring Boot build on the JDK with a layered JRE alpine runtime", () => {
    const text = df(
      "FROM eclipse-temurin:21-jdk-alpine AS build",
      "WORKDIR /workspace/app",
      "COPY mvnw .",
      "COPY .mvn .mvn",
      "COPY pom.xml .",
      "RUN ./mvnw dependency:go-offline -B",
      "COPY src src",
      "RUN ./mvnw package -DskipTests",
      "RUN java -Djarmode=layertools -jar target/*.jar extract --destination target/extracted",
      "",
      "FROM eclipse-temurin:21-jre-alpine",
      "RUN addgroup -S spring && adduser -S spring -G spring",
      "USER spring:spring",
      "WORKDIR /app",
      "COPY --from=build /workspace/app/target/extracted/dependencies/ ./",
      "COPY --from=build /workspace/app/target/extracted/spring-boot-loader/ ./",
      "COPY --from=build /workspace/app/target/extracted/snapshot-dependencies/ ./",
      "COPY --from=build /workspace/app/target/extracted/application/ ./",
      "EXPOSE 8080",
      'ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]',
    );
    expect(findings(text)).toEqual([]);
  });
});

describe("the lesson's single-stage 'before' image", () => {
  it("runs as root, uses npm install, ships the full node:20 image and its dev dependencies", () => {
    const text = df(
      "FROM node:20",
      "WORKDIR /app",
      "COPY package.json ./",
      "RUN npm install",
      "COPY . .",
      "EXPOSE 3000",
      'CMD ["node", "server.js"]',
    );
    expect(summary(findings(text))).toEqual([
      "no-user@1",
      "full-node-runtime@1",
      "npm-install@4",
      "dev-dependencies-shipped@4",
    ]);
  });
});

describe("root user", () => {
  it("no USER in a builder is fine; no USER in the shipping stage is a finding at its FROM", () => {
    const text = df(
      "FROM golang:1.22 AS build",
      "RUN go build -o /app .",
      "FROM alpine:3.20 AS runner",
      "COPY --from=build /app /app",
    );
    expect(findings(text, "no-user")).toEqual([
      expect.objectContaining({ line: 3, stage: 1, severity: "warning" }),
    ]);
  });

  it("a later USER root undoes an earlier non-root user", () => {
    expect(findings(df("FROM alpine:3.20", "USER app", "RUN id", "USER root"), "no-user")).toEqual([
      expect.objectContaining({ line: 4 }),
    ]);
    expect(findings(df("FROM alpine:3.20", "USER 0:0"), "no-user")).toHaveLength(1);
  });

  it("a USER set in the stage it builds FROM counts", () => {
    expect(
      findings(
        df("FROM node:20-alpine AS base", "USER node", "FROM base AS runner", 'CMD ["node"]'),
        "no-user",
      ),
    ).toEqual([]);
  });

  it("a global ARG in USER is empty unless the stage redeclares it, which means root", () => {
    const unset = df("ARG UID=10001", "FROM alpine:3.20", "USER ${UID}");
    expect(findings(unset, "no-user")).toEqual([
      expect.objectContaining({ line: 3, why: expect.stringMatching(/empty value/) }),
    ]);
    const redeclared = df("ARG UID=10001", "FROM alpine:3.20", "ARG UID", "USER ${UID}");
    expect(findings(redeclared, "no-user")).toEqual([]);
  });

  it("a distroless :nonroot base already runs as non-root", () => {
    expect(
      findings(df("FROM gcr.io/distroless/nodejs20-debian12:nonroot", "COPY app.js /app.js"), "no-user"),
    ).toEqual([]);
  });

  it("is about the file's image: a builder chosen as --target does not ship, so its root is no warning", () => {
    const text = df("FROM node:20-alpine AS build", "RUN npm ci", "FROM node:20-alpine", "USER node");
    expect(findings(text, "no-user")).toEqual([]);
    expect(findings(text, "no-user", "build")).toEqual([]);
  });
});

describe("npm install vs npm ci", () => {
  it("is a warning when the lock file was copied in", () => {
    const text = df(
      "FROM node:20-alpine AS build",
      "COPY package*.json ./",
      "RUN npm install",
      "FROM nginx:1.27-alpine",
      "USER nginx",
    );
    expect(findings(text, "npm-install")).toEqual([
      expect.objectContaining({ severity: "warning", line: 3, stage: 0 }),
    ]);
  });

  it("is info without a lock file, explaining reproducible builds", () => {
    const [finding] = findings(
      df("FROM node:20-alpine", "COPY package.json ./", "RUN npm i --omit=dev", "USER node"),
      "npm-install",
    );
    expect(finding).toMatchObject({ severity: "info", line: 3 });
    expect(finding?.why).toMatch(/reproducible/);
  });

  it("does not fire for npm ci or for installing a named package", () => {
    expect(
      findings(df("FROM node:20-alpine", "RUN npm install -g pnpm@9 && npm ci", "USER node"), "npm-install"),
    ).toEqual([]);
  });
});

describe("apt-get", () => {
  const inRunner = (run: string) =>
    df("FROM debian:12-slim AS build", run, "FROM debian:12-slim", run, "USER 1000");

  it("package lists left behind matter in the shipping stage only", () => {
    expect(
      findings(
        inRunner("RUN apt-get update && apt-get install -y --no-install-recommends curl"),
        "apt-lists-not-removed",
      ),
    ).toEqual([expect.objectContaining({ line: 4, stage: 1 })]);
  });

  it("removing the lists in the same RUN, or a cache mount, is fine", () => {
    expect(
      findings(
        inRunner(
          "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
        ),
        "apt-lists-not-removed",
      ),
    ).toEqual([]);
    expect(
      findings(
        inRunner(
          "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl",
        ),
        "apt-lists-not-removed",
      ),
    ).toEqual([]);
  });

  it("removing the lists in a later RUN does not help", () => {
    const text = df(
      "FROM debian:12-slim",
      "RUN apt-get update && apt-get install -y --no-install-recommends curl",
      "RUN rm -rf /var/lib/apt/lists/*",
      "USER 1000",
    );
    expect(findings(text, "apt-lists-not-removed")).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it("recommends --no-install-recommends as info in the shipping stage only", () => {
    expect(
      findings(
        inRunner("RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"),
        "apt-no-recommends",
      ),
    ).toEqual([expect.objectContaining({ severity: "info", line: 4 })]);
  });
});

describe("pip cache", () => {
  it("pip install without --no-cache-dir is flagged in the shipping stage, not in a builder", () => {
    const text = df(
      "FROM python:3.12-slim AS build",
      "RUN pip install -r requirements.txt",
      "FROM python:3.12-slim",
      "RUN python -m pip install -r requirements.txt",
      "USER 1000",
    );
    expect(findings(text, "pip-cache")).toEqual([expect.objectContaining({ line: 4, stage: 1 })]);
  });

  it("a pip cache mount or PIP_NO_CACHE_DIR keeps the cache out", () => {
    expect(
      findings(
        df(
          "FROM python:3.12-slim",
          "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
          "USER 1",
        ),
        "pip-cache",
      ),
    ).toEqual([]);
    expect(
      findings(
        df("FROM python:3.12-slim", "ENV PIP_NO_CACHE_DIR=1", "RUN pip3 install flask", "USER 1"),
        "pip-cache",
      ),
    ).toEqual([]);
  });
});

describe("secrets in ENV and ARG", () => {
  it("a literal secret in ENV is flagged even in a builder", () => {
    const text = df(
      "FROM node:20-alpine AS build",
      "ENV DB_PASSWORD=hunter2",
      "FROM node:20-alpine",
      "USER node",
    );
    expect(findings(text, "secret-in-env")).toEqual([expect.objectContaining({ line: 2, stage: 0 })]);
  });

  it("any ARG named like a secret is flagged, global or in a stage", () => {
    const text = df("ARG NPM_TOKEN", "FROM node:20-alpine", "ARG AWS_SECRET_ACCESS_KEY", "USER node");
    expect(findings(text, "secret-in-arg").map((f) => [f.line, f.stage])).toEqual([
      [1, null],
      [3, 0],
    ]);
  });

  it("ENV copied from a variable matters only where it ships", () => {
    const text = df(
      "FROM node:20-alpine AS build",
      "ENV GITHUB_TOKEN=$GITHUB_TOKEN",
      "FROM node:20-alpine",
      "ENV API_KEY=${API_KEY}",
      "USER node",
    );
    expect(findings(text, "secret-in-env").map((f) => f.line)).toEqual([4]);
  });

  it("file paths and public keys are not secrets", () => {
    const text = df(
      "FROM node:20-alpine",
      "ENV DB_PASSWORD_FILE=/run/secrets/db PUBLIC_KEY=abc TOKENIZER=wordpiece",
      "USER node",
    );
    expect(findings(text).filter((f) => f.id.startsWith("secret"))).toEqual([]);
  });
});

describe("COPY . . before installing dependencies", () => {
  it.each([
    ["npm ci", "package.json package-lock.json"],
    ["yarn install --frozen-lockfile", "yarn.lock"],
    ["pnpm install --frozen-lockfile", "pnpm-lock.yaml"],
    ["pip install --no-cache-dir -r requirements.txt", "requirements.txt"],
    ["go mod download", "go.mod go.sum"],
    ["./mvnw dependency:go-offline", "pom.xml"],
    ["bundle install", "Gemfile"],
  ])("%s after COPY . . busts the cache and the fix names %s", (install, manifest) => {
    const text = df(
      "FROM alpine:3.20 AS build",
      "WORKDIR /app",
      "COPY . .",
      `RUN ${install}`,
      "FROM alpine:3.20",
      "USER 1",
    );
    const found = findings(text, "copy-all-before-install");
    expect(found).toEqual([expect.objectContaining({ line: 3, stage: 0 })]);
    expect(found[0]?.fix).toContain(manifest);
  });

  it("copying the manifests first and everything after the install is fine", () => {
    const text = df(
      "FROM node:20-alpine",
      "COPY package.json package-lock.json ./",
      "RUN npm ci",
      "COPY . .",
      "RUN npm run build",
      "USER node",
    );
    expect(findings(text, "copy-all-before-install")).toEqual([]);
  });
});

describe("base images", () => {
  it("an untagged or :latest base is flagged", () => {
    expect(
      findings(df("FROM node AS build", "FROM ubuntu:latest", "USER 1"), "unpinned-base-image").map(
        (f) => f.line,
      ),
    ).toEqual([1, 2]);
  });

  it("scratch, stage references, digests and tags are fine", () => {
    const text = df(
      `FROM alpine@sha256:${"a".repeat(64)} AS base`,
      "FROM base AS next",
      "FROM scratch",
      "COPY --from=next /x /x",
      "USER 1",
    );
    expect(findings(text, "unpinned-base-image")).toEqual([]);
  });

  it("a toolchain image as the final image is a warning; in a builder it is not", () => {
    for (const image of [
      "golang:1.22",
      "maven:3.9-eclipse-temurin-21",
      "eclipse-temurin:21-jdk-alpine",
      "mcr.microsoft.com/dotnet/sdk:8.0",
      "rust:1.79",
    ]) {
      expect(findings(df(`FROM ${image}`, "USER 1000"), "toolchain-in-final-image")).toHaveLength(1);
      expect(
        findings(
          df(`FROM ${image} AS build`, "FROM alpine:3.20", "COPY --from=build /out /out", "USER 1"),
          "toolchain-in-final-image",
        ),
      ).toEqual([]);
    }
    for (const image of [
      "eclipse-temurin:21-jre-alpine",
      "mcr.microsoft.com/dotnet/aspnet:8.0",
      "python:3.12",
    ]) {
      expect(findings(df(`FROM ${image}`, "USER 1000"), "toolchain-in-final-image")).toEqual([]);
    }
  });

  it("follows FROM <stage> to find the final image's base", () => {
    const text = df("FROM golang:1.22 AS base", "FROM base AS app", "USER 1000");
    expect(findings(text, "toolchain-in-final-image")).toEqual([expect.objectContaining({ stage: 1 })]);
  });
});

describe("ADD", () => {
  it("ADD for local files is flagged", () => {
    expect(
      findings(
        df("FROM alpine:3.20", "ADD . /app", "ADD --chown=1:1 config.yml /etc/app/", "USER 1"),
        "add-local-files",
      ).map((f) => f.line),
    ).toEqual([2, 3]);
  });

  it("ADD for URLs, Git sources and tar archives is fine; a zip is not extracted, so it is flagged", () => {
    const text = df(
      "FROM alpine:3.20",
      "ADD https://example.com/tool.tgz /opt/",
      "ADD git@github.com:example/repo.git /src",
      "ADD rootfs.tar.gz /",
      "ADD app.zip /opt/",
      "USER 1",
    );
    expect(findings(text, "add-local-files").map((f) => f.line)).toEqual([5]);
  });
});

describe("stage structure", () => {
  const text = df(
    "FROM node:20-alpine AS build",
    "RUN npm ci",
    "FROM node:20-alpine",
    "COPY --from=0 /app /app",
    "RUN npx eslint .",
    "FROM node:20-alpine AS runner",
    "COPY --from=build /app/dist /app",
    "USER node",
  );

  it("a stage nothing needs is reported as info", () => {
    expect(findings(text, "unused-stage")).toEqual([
      expect.objectContaining({ severity: "info", line: 3, stage: 1 }),
    ]);
  });

  it("a named stage nothing builds on is an alternative target, not waste", () => {
    const targets = df(
      "FROM node:20-alpine AS base",
      "FROM base AS dev",
      "USER node",
      "FROM base AS runner",
      "USER node",
    );
    expect(findings(targets, "unused-stage")).toEqual([]);
  });

  it("is the same whatever target is chosen: unused means no target needs it", () => {
    expect(findings(text, "unused-stage", "build")).toEqual(findings(text, "unused-stage"));
  });

  it("COPY --from=<index> suggests the stage's name", () => {
    const [finding] = findings(text, "index-reference");
    expect(finding).toMatchObject({ line: 4, stage: 1 });
    expect(finding?.fix).toContain("--from=build");
  });

  it("RUN --mount without a # syntax line is info; with one it is fine", () => {
    const body = ["FROM node:20-alpine", "RUN --mount=type=cache,target=/root/.npm npm ci", "USER node"];
    expect(findings(df(...body), "mount-without-syntax")).toEqual([
      expect.objectContaining({ severity: "info", line: 2 }),
    ]);
    expect(findings(df("# syntax=docker/dockerfile:1", ...body), "mount-without-syntax")).toEqual([]);
    expect(findings(df("# syntax=docker/dockerfile:1.1", ...body), "mount-without-syntax")).toHaveLength(1);
  });
});

describe("every finding explains itself", () => {
  it("has an id, severity, line, title, why and fix", () => {
    const text = df(
      "ARG API_TOKEN",
      "FROM node",
      "ENV DB_PASSWORD=secret",
      "ADD . .",
      "RUN npm install",
      "RUN apt-get update && apt-get install -y curl",
      "RUN pip install flask",
      "RUN --mount=type=cache,target=/x true",
      "FROM golang:1.22",
      "COPY --from=0 /a /a",
    );
    const all = findings(text);
    expect(new Set(all.map((f) => f.id)).size).toBeGreaterThanOrEqual(10);
    for (const finding of all) {
      expect(finding.line).toBeGreaterThan(0);
      expect(["warning", "info"]).toContain(finding.severity);
      expect(finding.title.length).toBeGreaterThan(10);
      expect(finding.why.length).toBeGreaterThan(30);
      expect(finding.fix.length).toBeGreaterThan(10);
    }
  });
});

describe("dev dependencies in the final image", () => {
  const ids = (text: string) => summary(findings(text, "dev-dependencies-shipped"));

  it("fires where npm installs them in the shipping stage, not in a builder that is thrown away", () => {
    expect(ids(df("FROM node:20-alpine", "COPY package*.json ./", "RUN npm ci", "USER node"))).toEqual([
      "dev-dependencies-shipped@3",
    ]);
    expect(ids(df("FROM node:20-alpine AS build", "RUN npm ci", "FROM node:20-alpine", "USER node"))).toEqual(
      [],
    );
  });

  it("is satisfied by --omit=dev, NODE_ENV=production or a later npm prune --omit=dev", () => {
    expect(ids(df("FROM node:20-alpine", "RUN npm ci --omit=dev"))).toEqual([]);
    expect(ids(df("FROM node:20-alpine", "ENV NODE_ENV=production", "RUN npm ci"))).toEqual([]);
    expect(ids(df("FROM node:20-alpine", "RUN npm ci", "RUN npm run build && npm prune --omit=dev"))).toEqual(
      [],
    );
  });

  it("follows node_modules copied from a stage that installed them, pointing at the COPY", () => {
    const copied = (install: string) =>
      df(
        "FROM node:20-alpine AS build",
        "WORKDIR /app",
        install,
        "FROM node:20-alpine",
        "COPY --from=build /app/node_modules ./node_modules",
      );
    expect(ids(copied("RUN npm ci"))).toEqual(["dev-dependencies-shipped@5"]);
    expect(ids(copied("RUN npm ci --omit=dev"))).toEqual([]);
  });
});

describe("credential files copied into a layer", () => {
  it("fires for .npmrc, .env and SSH keys in any stage, at the COPY, and not for an example file", () => {
    const ids = (text: string) => summary(findings(text, "secret-file-copied"));
    expect(
      ids(
        df(
          "FROM node:20-alpine AS deps",
          "COPY package.json .npmrc ./",
          "RUN npm ci && rm .npmrc",
          "FROM node:20-alpine",
        ),
      ),
    ).toEqual(["secret-file-copied@2"]);
    expect(ids(df("FROM alpine:3.20", "COPY .env /app/.env", "ADD id_ed25519 /root/.ssh/"))).toEqual([
      "secret-file-copied@2",
      "secret-file-copied@3",
    ]);
    expect(ids(df("FROM alpine:3.20", "COPY .env.example /app/", "COPY --from=other /.npmrc /x"))).toEqual(
      [],
    );
  });
});
