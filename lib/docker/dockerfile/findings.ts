// Best-practice findings about the image as a whole: who it runs as, what it is based on, which
// stages nothing needs, how stages are referenced, secrets in ENV/ARG, ADD and BuildKit syntax.
// Findings are about the FILE, whatever --target the explorer shows: "the image" is what
// `docker build` makes by default (the last stage), so the root-user rule looks only at that stage
// and what it inherits through FROM <stage>, never at a builder whose layers are thrown away; and a
// stage is unused only when no target needs it (every named stage is a target of its own).

import { isBuildStep, runMounts, runScript, simpleCommands } from "./commands";
import { expandWord } from "./expand";
import { devDependencyFindings } from "./findings-deps";
import { runFindings } from "./findings-run";
import { copyPaths, fromChain } from "./graph";
import type { RuleContext } from "./rule-context";
import type { Finding, Stage } from "./types";
import { parseKeyValues } from "./words";

export type { RuleContext } from "./rule-context";

/** Runs every rule; findings come back sorted by line. */
export function collectFindings(ctx: RuleContext): Finding[] {
  const findings = [
    ...userFindings(ctx),
    ...baseImageFindings(ctx),
    ...structureFindings(ctx),
    ...secretFindings(ctx),
    ...addFindings(ctx),
    ...runFindings(ctx),
    ...devDependencyFindings(ctx),
    ...secretFileFindings(ctx),
  ];
  return findings.sort((a, b) => a.line - b.line);
}

/** The image the chain ultimately starts from, e.g. "node:20-alpine" or "scratch". */
export function rootImage(stages: readonly Stage[], index: number): string | null {
  const chain = fromChain(stages, index);
  const root = chain[chain.length - 1];
  if (!root || root.base.kind === "stage") return null;
  return root.base.kind === "scratch" ? "scratch" : root.base.image;
}

/** Repository (registry and library/ prefix dropped) and tag of an image reference. */
export function parseImage(ref: string): { repo: string; tag: string | null; digest: boolean } {
  let rest = ref.toLowerCase();
  const at = rest.indexOf("@");
  const digest = at >= 0;
  if (digest) rest = rest.slice(0, at);
  rest = rest.replace(/^(?:docker\.io|index\.docker\.io)\//, "").replace(/^library\//, "");
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/"))
    return { repo: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { repo: rest, tag: null, digest };
}

// ---------------------------------------------------------------------------------------------

/**
 * The USER the image runs as: the last USER of the stage and the stages it builds FROM, with ARG
 * and ENV values substituted (line 0 for a distroless ":nonroot" base); null when none sets one.
 */
export function finalUser(
  ctx: Pick<RuleContext, "stages" | "globalArgs" | "escapeChar">,
  shipping: number,
): { value: string; line: number } | null {
  const chain = fromChain(ctx.stages, shipping).reverse();
  const globals = new Map(ctx.globalArgs.map((a) => [a.name, a.value ?? undefined]));
  const root = rootImage(ctx.stages, shipping);
  // Distroless ":nonroot" images already set a non-root USER in their config.
  let user: { value: string; line: number } | null =
    root && /(^|[-:])nonroot\b/.test(parseImage(root).tag ?? "") ? { value: "65532", line: 0 } : null;
  const scope = new Map<string, string | undefined>();
  for (const stage of chain) {
    for (const ins of stage.instructions) {
      const lookup = (name: string) => scope.get(name);
      if (ins.keyword === "ARG" || ins.keyword === "ENV") {
        for (const kv of parseKeyValues(ins.args, ctx.escapeChar, ins.keyword === "ENV")) {
          const value =
            kv.rawValue === null
              ? ins.keyword === "ARG"
                ? globals.get(kv.key)
                : ""
              : expandWord(kv.rawValue, lookup, ctx.escapeChar).value;
          scope.set(kv.key, value ?? "");
        }
      } else if (ins.keyword === "USER") {
        user = { value: expandWord(ins.args.trim(), lookup, ctx.escapeChar).value, line: ins.line };
      }
    }
  }
  return user;
}

function userFindings(ctx: RuleContext): Finding[] {
  const shipping = ctx.stages[ctx.target.shipping];
  if (!shipping) return [];
  const user = finalUser(ctx, shipping.index);
  const name = user?.value.split(":")[0]?.trim() ?? "";
  if (user && name !== "" && name !== "root" && name !== "0") return [];
  const where = !user
    ? "no USER instruction, so it runs as root"
    : user.value === ""
      ? `a USER on line ${user.line} that resolves to an empty value (a global ARG must be redeclared in the stage to be visible), which means root`
      : `USER ${user.value} on line ${user.line}, which is root`;
  return [
    {
      id: "no-user",
      severity: "warning",
      line: user?.line || shipping.line,
      stage: shipping.index,
      title: "The final image runs as root",
      why: `The shipping stage "${shipping.label}" has ${where}. A process running as root inside the container makes any exploit far more damaging. Builder stages may stay root: their layers never ship.`,
      fix: "Add a non-root USER near the end of the final stage: USER node on the Node images, USER 65534 (nobody) on scratch, or create one with adduser/addgroup (useradd on Debian).",
    },
  ];
}

/**
 * Which stages some target needs: the default target (the last stage), every named stage (each is
 * a --target of its own) and everything they build FROM, copy from or mount. One pass from the last
 * stage up, because edges always point from an earlier stage to a later one.
 */
function neededByATarget(ctx: RuleContext): boolean[] {
  const needed = ctx.stages.map((s, i) => s.name !== null || i === ctx.stages.length - 1);
  const into = ctx.stages.map((): number[] => []);
  for (const edge of ctx.edges) into[edge.toStage]?.push(edge.fromStage);
  for (let i = ctx.stages.length - 1; i >= 0; i--) {
    if (!needed[i]) continue;
    for (const from of into[i] ?? []) needed[from] = true;
  }
  return needed;
}

const TOOLCHAINS = new Set(["golang", "rust", "gcc", "maven", "gradle", "mcr.microsoft.com/dotnet/sdk"]);

function isToolchain(image: string): boolean {
  const { repo, tag } = parseImage(image);
  if (TOOLCHAINS.has(repo)) return true;
  if (tag && /(^|[-.])jdk([-.]|$)/.test(tag)) return true;
  // eclipse-temurin:21 and openjdk:17 are JDKs unless the tag says jre.
  return (repo === "eclipse-temurin" || repo === "openjdk") && !/jre/.test(tag ?? "");
}

function baseImageFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const stage of ctx.stages) {
    if (stage.base.kind !== "image" || stage.fromResolved.includes("${")) continue;
    const { tag, digest } = parseImage(stage.base.image);
    if (digest || (tag && tag !== "latest")) continue;
    findings.push({
      id: "unpinned-base-image",
      severity: "warning",
      line: stage.line,
      stage: stage.index,
      title:
        tag === "latest" ? `${stage.base.image} uses the "latest" tag` : `${stage.base.image} has no tag`,
      why: "Without a tag Docker pulls :latest, which moves: the same Dockerfile builds a different image next month, and a major version bump can break the build or the app.",
      fix: `Pin a version, e.g. ${parseImage(stage.base.image).repo}:<version>-alpine, or a digest (@sha256:…) for fully reproducible builds.`,
    });
  }

  const shipping = ctx.target.shipping;
  const image = rootImage(ctx.stages, shipping);
  if (!image || image === "scratch") return findings;
  const line = ctx.stages[shipping]?.line ?? 0;
  if (isToolchain(image)) {
    findings.push({
      id: "toolchain-in-final-image",
      severity: "warning",
      line,
      stage: shipping,
      title: `The final image is a build toolchain (${image})`,
      why: "Compilers, SDKs and build tools ship with the app: hundreds of MB more to pull and far more packages with CVEs. In the lesson, a Go server is ~850 MB on golang:1.22 and ~12 MB on scratch; Spring Boot is ~580 MB with the JDK and ~180 MB on a JRE alpine image.",
      fix: "Build in a stage named e.g. build, then start a final stage from a runtime image (scratch or distroless for Go, a JRE image for Java, dotnet/aspnet for .NET) and COPY --from=build only the output.",
    });
    return findings;
  }
  const { repo, tag } = parseImage(image);
  if (repo === "node" && !/slim|alpine/.test(tag ?? "")) {
    const builds = fromChain(ctx.stages, shipping).some((s) =>
      s.instructions.some((i) => i.keyword === "RUN" && simpleCommands(runScript(i)).some(isBuildStep)),
    );
    findings.push({
      id: "full-node-runtime",
      severity: "info",
      line,
      stage: shipping,
      title: `The final image is the full ${image} image`,
      why: `The full Node image carries compilers, headers and Debian tooling the app doesn't need at runtime${builds ? ", and building in the same stage ships dev dependencies and sources too" : ""}: the lesson's Node app is ~1.1 GB on node:20 but ~80 MB as a multi-stage build on node:20-alpine.`,
      fix: "Build on node:20 if you need its tools, then ship from node:20-alpine (or node:20-slim when native modules need glibc) with only production dependencies and the build output.",
    });
  }
  return findings;
}

function structureFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const { stages } = ctx;
  const needed = neededByATarget(ctx);
  for (const stage of stages) {
    if (needed[stage.index]) continue;
    findings.push({
      id: "unused-stage",
      severity: "info",
      line: stage.line,
      stage: stage.index,
      title: `Stage "${stage.label}" is not used by any target`,
      why: "It has no name, so it can't be built with --target, and neither the image nor any named stage builds FROM it or copies from it. BuildKit skips it (the legacy builder still built it).",
      fix: "Delete it, or name it (FROM … AS <name>) to keep it as a separate target, e.g. for tests.",
    });
  }
  for (const edge of ctx.edges) {
    if (edge.by !== "index") continue;
    const source = stages[edge.fromStage];
    if (!source) continue;
    findings.push({
      id: "index-reference",
      severity: "info",
      line: edge.line,
      stage: edge.toStage,
      title: `COPY --from=${edge.fromStage} refers to a stage by number`,
      why: "Stage numbers shift when a stage is added or moved above, silently copying from the wrong stage. A name says what the stage is for.",
      fix: source.name
        ? `Use --from=${source.normalizedName}.`
        : `Name the stage (FROM ${source.fromText} AS build) and use --from=build.`,
    });
  }
  const mount = stages
    .flatMap((s) => s.instructions)
    .find((ins) => ins.keyword === "RUN" && runMounts(ins).length > 0);
  const syntax = ctx.directives.syntax;
  if (mount && (!syntax || /dockerfile:1\.[01](?:\.\d+)?$/.test(syntax))) {
    findings.push({
      id: "mount-without-syntax",
      severity: "info",
      line: mount.line,
      stage: stages.find((s) => s.instructions.includes(mount))?.index ?? null,
      title: syntax
        ? `RUN --mount needs a newer frontend than ${syntax}`
        : "RUN --mount without a # syntax line",
      why: "Current Docker (BuildKit) understands --mount without it, but the # syntax=docker/dockerfile:1 line pins the Dockerfile frontend version, so the file builds the same with older engines and other builders. Frontends before 1.2 don't know --mount.",
      fix: "Put # syntax=docker/dockerfile:1 as the very first line of the file.",
    });
  }
  return findings;
}

const SECRET_NAME =
  /(?:^|_)(?:PASSWORD|PASSWD|PASS|SECRET|TOKEN|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?)(?:_|$)/i;
const NOT_A_SECRET = /(?:_FILE|_PATH|_DIR|_URL)$|PUBLIC/i;
export const isSecretName = (name: string) => SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);

function secretFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const argFinding = (name: string, line: number, stage: number | null): Finding => ({
    id: "secret-in-arg",
    severity: "warning",
    line,
    stage,
    title: `Build argument ${name} looks like a secret`,
    why: "Build arguments are recorded in the image history and build provenance, where anyone who pulls the image can read them.",
    fix: `Pass it as a secret mount instead: RUN --mount=type=secret,id=${name.toLowerCase()} … with docker build --secret id=${name.toLowerCase()},src=<file>. It is available during that one RUN and never lands in a layer.`,
  });
  for (const arg of ctx.globalArgs)
    if (isSecretName(arg.name)) findings.push(argFinding(arg.name, arg.line, null));
  for (const stage of ctx.stages) {
    for (const ins of stage.instructions) {
      if (ins.keyword !== "ARG" && ins.keyword !== "ENV") continue;
      for (const kv of parseKeyValues(ins.args, ctx.escapeChar, ins.keyword === "ENV")) {
        if (!isSecretName(kv.key)) continue;
        if (ins.keyword === "ARG") {
          findings.push(argFinding(kv.key, ins.line, stage.index));
          continue;
        }
        const literal =
          kv.value !== null && kv.value !== "" && !/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(kv.rawValue ?? "");
        if (!literal && !ctx.shipChain.has(stage.index)) continue;
        findings.push({
          id: "secret-in-env",
          severity: "warning",
          line: ins.line,
          stage: stage.index,
          title: `ENV ${kv.key} puts a secret in the image`,
          why: literal
            ? "The value is written in the Dockerfile (so in Git) and stored in the image config, readable with docker inspect by anyone who can pull the image."
            : "ENV values are stored in the final image's config, readable with docker inspect by anyone who can pull it.",
          fix: "Give secrets to the running container at deploy time (environment, secret store); for build-time needs use RUN --mount=type=secret.",
        });
      }
    }
  }
  return findings;
}

/** Files that hold credentials: registry tokens, SSH keys, cloud and Git credentials, .env files. */
const SECRET_FILE =
  /(?:^|\/)(?:\.npmrc|\.yarnrc\.yml|\.pypirc|\.netrc|\.git-credentials|\.env(?:\.[\w-]+)?|id_(?:rsa|ecdsa|ed25519)|credentials(?:\.json)?|\.dockercfg|config\.json)$/;

function secretFileFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const stage of ctx.stages) {
    for (const ins of stage.instructions) {
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.some((f) => f.name === "from"))
        continue;
      const secret = copyPaths(ins, ctx.escapeChar).sources.find(
        (src) => SECRET_FILE.test(src) && !src.endsWith(".example"),
      );
      if (!secret) continue;
      findings.push({
        id: "secret-file-copied",
        severity: "warning",
        line: ins.line,
        stage: stage.index,
        title: `${secret} is copied into a layer`,
        why: "A COPY makes the file part of that layer for good: deleting it in a later step only hides it, and even in a build stage that is thrown away it stays in the build cache of every machine that ran the build.",
        fix: "Mount it for the one step that needs it instead: RUN --mount=type=secret,id=<id>,target=<path> … with docker build --secret id=<id>,src=<file>.",
      });
    }
  }
  return findings;
}

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)|\.git(?:#.*)?$/i;
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

function addFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const stage of ctx.stages) {
    for (const ins of stage.instructions) {
      if (ins.keyword !== "ADD" || ins.heredocs.length > 0) continue;
      const local = copyPaths(ins, ctx.escapeChar).sources.filter(
        (src) => !REMOTE.test(src) && !ARCHIVE.test(src),
      );
      if (local.length === 0) continue;
      findings.push({
        id: "add-local-files",
        severity: "warning",
        line: ins.line,
        stage: stage.index,
        title: `ADD used for local files (${local.join(", ")})`,
        why: "ADD also downloads URLs and unpacks tar archives, so a reader can't tell what it does without checking each source. COPY does only the copy.",
        fix: `Use COPY ${ins.args.trim()}. Keep ADD for URLs, Git sources and tar archives you want extracted.`,
      });
    }
  }
  return findings;
}
