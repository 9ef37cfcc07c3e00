// Types shared by the Dockerfile parser, analyzer and findings. Lines are 1-based, as editors show them.

import type { Flag } from "./words";

/** Something the Dockerfile itself gets wrong: `error` means `docker build` would stop. */
export interface Problem {
  severity: "error" | "warning";
  /** 1-based line; 0 when it is about the build as a whole (e.g. an unknown --target). */
  line: number;
  message: string;
}

/** A heredoc body attached to RUN/COPY/ADD (`<<EOF … EOF`). */
export interface Heredoc {
  /** Delimiter without quotes, e.g. "EOF". */
  name: string;
  /** Body lines, each ending in "\n"; for `<<-` leading tabs are already removed. */
  body: string;
  /** False when the delimiter was quoted (`<<'EOF'`): variables in the body stay literal. */
  expand: boolean;
  /** True for `<<-EOF`. */
  chomp: boolean;
  /** First and last body line (the last is the closing delimiter). */
  line: number;
  endLine: number;
}

/** One instruction after continuation lines, comments inside them and heredocs are resolved. */
export interface Instruction {
  /** Upper-case keyword, e.g. "COPY". */
  keyword: string;
  /** Keyword as written, e.g. "copy". */
  written: string;
  line: number;
  /** Last line, including continuation lines and heredoc bodies. */
  endLine: number;
  /** Leading `--flags` (`--from`, `--mount`, `--platform`, `--chown`, `--link`, ...). */
  flags: Flag[];
  /** Arguments after the flags, continuation lines joined, comment lines dropped. */
  args: string;
  /** The argument list BuildKit's parser makes of `args` (JSON items, words, ENV key/value pairs). */
  argv: string[];
  /** Exec (JSON) form. */
  json: boolean;
  heredocs: Heredoc[];
}

export interface Directives {
  /** `# syntax=` value, e.g. "docker/dockerfile:1". */
  syntax: string | null;
  escape: "\\" | "`";
  /** `# check=` value (BuildKit lint configuration). */
  check: string | null;
  /** Lines the directives were on. */
  lines: number[];
}

/** A finding from the best-practice rules: advice, not a build failure. */
export interface Finding {
  /** Stable rule id, e.g. "no-user". */
  id: FindingId;
  severity: "warning" | "info";
  line: number;
  /** Stage the finding is about; null for file-wide findings. */
  stage: number | null;
  title: string;
  /** Why it matters, in a sentence or two. */
  why: string;
  /** What to change. */
  fix: string;
}

export type FindingId =
  | "no-user"
  | "npm-install"
  | "apt-lists-not-removed"
  | "apt-no-recommends"
  | "pip-cache"
  | "secret-in-env"
  | "secret-in-arg"
  | "copy-all-before-install"
  | "unpinned-base-image"
  | "add-local-files"
  | "unused-stage"
  | "index-reference"
  | "mount-without-syntax"
  | "toolchain-in-final-image"
  | "full-node-runtime"
  | "dev-dependencies-shipped"
  | "secret-file-copied";

/** How a stage gets its starting filesystem. */
export type StageBase =
  | { kind: "image"; image: string }
  | { kind: "scratch" }
  | { kind: "stage"; stage: number };

export interface Stage {
  index: number;
  /** Name as written after AS, or null. */
  name: string | null;
  /** Lower-case name (BuildKit's key), or null. */
  normalizedName: string | null;
  /** What --target and COPY --from accept: the name, or the index as text for unnamed stages. */
  label: string;
  /** The FROM argument as written, e.g. "node:${NODE}-alpine". */
  fromText: string;
  /** The FROM argument after global ARG substitution, e.g. "node:20-alpine". */
  fromResolved: string;
  base: StageBase;
  /** `--platform` after ARG substitution; built-in platform ARGs stay as `${TARGETPLATFORM}`. */
  platform: string | null;
  /** Global ARGs the FROM line used that have no value (BuildKit substitutes ""). */
  unsetArgs: string[];
  line: number;
  endLine: number;
  /** Instructions after FROM, in order. */
  instructions: Instruction[];
}

export interface StageEdge {
  /** "from": FROM <stage>; "copy": COPY --from; "mount": RUN --mount=…,from=. */
  kind: "from" | "copy" | "mount";
  /** The stage that is needed. */
  fromStage: number;
  /** The stage that needs it. */
  toStage: number;
  line: number;
  /** How the Dockerfile referred to it. */
  by: "name" | "index";
}

/** An image used directly by COPY --from or RUN --mount from=, without a stage. */
export interface ExternalImageUse {
  kind: "copy" | "mount";
  image: string;
  stage: number;
  line: number;
}

export interface TargetSelection {
  /** The stage `docker build` turns into the image (the last one unless a target is given). */
  shipping: number;
  /** True when an explicit target was asked for and found. */
  explicit: boolean;
  /** Stages BuildKit builds for this target: the target and everything it needs. Ascending. */
  built: number[];
  /** Stages BuildKit skips for this target. Ascending. */
  skipped: number[];
}

/** Content that ends up in the shipping stage from elsewhere. */
export interface ShippedContent {
  /** "copy": COPY --from into the shipping stage (or a stage it starts FROM); "inherit": FROM <stage>. */
  kind: "copy" | "inherit";
  line: number;
  /** The stage the content lands in (the shipping stage or one of its FROM ancestors). */
  intoStage: number;
  fromStage: number | null;
  /** Set when COPY --from names an external image. */
  image: string | null;
  /** Source paths; empty for "inherit" (everything). */
  sources: string[];
  destination: string | null;
  link: boolean;
  chown: string | null;
}

export interface SizeEstimate {
  /** The image the shipping stage ultimately starts from. */
  baseImage: string;
  mb: number;
  display: string;
  /** Always true: the app's own files come on top of this. */
  baseOnly: true;
  /** True when the reference was mapped to a related image in the size data. */
  mapped: boolean;
  basis: string;
}

export interface DockerfileAnalysis {
  directives: Directives;
  /** ARGs declared before the first FROM, with their default values. */
  globalArgs: { name: string; value: string | null; line: number }[];
  stages: Stage[];
  edges: StageEdge[];
  externalImages: ExternalImageUse[];
  target: TargetSelection;
  shipped: ShippedContent[];
  estimatedSize: SizeEstimate | null;
  findings: Finding[];
  problems: Problem[];
  lineCount: number;
}

export interface AnalysisError {
  code: "empty" | "too-large" | "no-from";
  message: string;
}

export type AnalyzeResult = { ok: true; analysis: DockerfileAnalysis } | { ok: false; error: AnalysisError };

export interface AnalyzeOptions {
  /** Like `docker build --target`: a stage name (any case) or zero-based index. */
  target?: string | number;
}
