// Builds Lectern's container image without a Docker engine, by reading the Dockerfile with our own
// parser (lib/docker/dockerfile) and doing what each instruction says in plain folders:
//
// - the build context is a copy of the repository filtered by .dockerignore (Docker's rules);
// - a stage is a folder standing for its WORKDIR, /app (other paths are refused);
// - COPY copies from the context or from another stage's folder, with COPY's file/folder rules;
// - RUN executes its script with `sh -c` in the stage's folder and the stage's ENV, except
//   `apt-get` (the host already has its toolchain) and `npm ci`, which is replaced by the
//   repository's own node_modules and generated/ (what `npm ci` and its postinstall made from the
//   same lockfile): hard links, so nothing is copied;
// - the shipping stage's RUN may only create folders and change owners (there are no other
//   users here): its relative `mkdir -p` folders are created, the rest is skipped;
// - the CMD is started in the image folder with the ENV of the shipping stage.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";
import {
  analyzeDockerfile,
  type DockerfileAnalysis,
  type Instruction,
  type Stage,
} from "@/lib/docker/dockerfile";
import { runScript, simpleCommands } from "@/lib/docker/dockerfile/commands";
import { copyPaths } from "@/lib/docker/dockerfile/graph";
import { flagValue, parseJsonArray, parseKeyValues } from "@/lib/docker/dockerfile/words";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const WORKDIR = "/app";

// ---------------------------------------------------------------------------------------------
// .dockerignore

export type IgnoreRule = { pattern: string; negate: boolean; regex: RegExp };

/** Parses .dockerignore: one pattern a line, `#` comments, `!` exceptions, paths from the context root. */
export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1).trim();
    const pattern = path.posix.normalize(line).replace(/^\/+/, "").replace(/\/+$/, "");
    if (pattern === "" || pattern === ".") continue;
    rules.push({ pattern, negate, regex: patternRegex(pattern) });
  }
  return rules;
}

/** Go's filepath.Match plus `**`, as Docker's patternmatcher reads it. */
function patternRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") {
        i++;
        out += "(?:.*/)?";
      } else out += ".*";
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += `[${pattern.slice(i + 1, end).replace(/^!/, "^")}]`;
        i = end;
      }
    } else if (ch === "\\" && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else out += /[.+^${}()|\\]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${out}$`);
}

/**
 * Whether the context leaves out `relPath` (posix, from the context root). A pattern matches a
 * path or any folder above it; the last matching rule wins, so `!` rules re-include.
 */
export function isIgnored(rules: readonly IgnoreRule[], relPath: string): boolean {
  const parts = relPath.split("/");
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((c) => rule.regex.test(c))) ignored = !rule.negate;
  }
  return ignored;
}

function readIgnoreRules(): IgnoreRule[] {
  const file = path.join(ROOT, ".dockerignore");
  return existsSync(file) ? parseDockerignore(readFileSync(file, "utf8")) : [];
}

/** The build context's files (posix paths from the root), as `docker build .` would send them. */
export function contextFiles(rules = readIgnoreRules()): string[] {
  const files: string[] = [];
  const mayReinclude = (dir: string) => rules.some((r) => r.negate && r.pattern.startsWith(`${dir}/`));
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const ignored = isIgnored(rules, child);
      if (entry.isDirectory()) {
        if (!ignored || mayReinclude(child)) walk(child);
      } else if (!ignored) files.push(child);
    }
  };
  walk("");
  return files.sort();
}

// ---------------------------------------------------------------------------------------------
// Files

/** A copy of a folder made of hard links (symlinks copied as links); falls back to copying. */
export function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** COPY's rules: a folder's contents go into the destination; a file goes into a destination folder (trailing / or existing) or becomes it. */
function copyInto(source: string, destination: string, destIsDir: boolean) {
  if (statSync(source).isDirectory()) {
    mkdirSync(destination, { recursive: true });
    cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
  } else if (destIsDir || (existsSync(destination) && statSync(destination).isDirectory())) {
    mkdirSync(destination, { recursive: true });
    copyFileSync(source, path.join(destination, path.basename(source)));
  } else {
    mkdirSync(path.dirname(destination), { recursive: true });
    copyFileSync(source, destination);
  }
}

/** Total size of the files under a folder, in bytes (symlinks not followed). */
export function treeBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += treeBytes(p);
    else if (entry.isFile()) bytes += lstatSync(p).size;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Stages

export type StageState = { dir: string; env: Record<string, string>; user: string | null };
export type CopyRecord = { line: number; fromStage: string | null; source: string; destination: string };
export type Emulation = {
  analysis: DockerfileAnalysis;
  shipping: Stage;
  /** Folder standing for the shipping stage's /app. */
  imageDir: string;
  env: Record<string, string>;
  user: string | null;
  /** argv of CMD (ENTRYPOINT prepended if there is one). */
  command: string[];
  copies: CopyRecord[];
  log: string[];
};

export function readAnalysis(): DockerfileAnalysis {
  const result = analyzeDockerfile(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
  if (!result.ok) throw new Error(`Dockerfile: ${result.error.message}`);
  return result.analysis;
}

/** Maps a path inside a stage (absolute, or relative to /app) to its folder. */
function inStage(dir: string, p: string): string {
  const absolute = path.posix.resolve(WORKDIR, p);
  if (absolute !== WORKDIR && !absolute.startsWith(`${WORKDIR}/`))
    throw new Error(`${p} is outside ${WORKDIR}; the emulation only models ${WORKDIR}`);
  return path.join(dir, path.posix.relative(WORKDIR, absolute));
}

/**
 * Emulates the Dockerfile's build up to its shipping stage. `workDir(stage)` says where each
 * stage's folder goes (the shipping stage's folder is the image). Returns how to start it.
 */
export async function emulateBuild(workDir: (stage: Stage, shipping: boolean) => string): Promise<Emulation> {
  const analysis = readAnalysis();
  const shipping = analysis.stages[analysis.target.shipping] as Stage;
  const rules = readIgnoreRules();
  const states = new Map<number, StageState>();
  const copies: CopyRecord[] = [];
  const log: string[] = [];

  const stageNamed = (ref: string): Stage => {
    const stage = /^\d+$/.test(ref)
      ? analysis.stages[Number(ref)]
      : analysis.stages.findLast((s) => s.normalizedName === ref.toLowerCase());
    if (!stage) throw new Error(`COPY --from=${ref}: only stages of this Dockerfile are supported`);
    return stage;
  };

  const run = async (stage: Stage): Promise<StageState> => {
    const done = states.get(stage.index);
    if (done) return done;
    const ships = stage.index === shipping.index;
    let state: StageState;
    if (stage.base.kind === "stage") {
      const baseIndex = stage.base.stage;
      const base = await run(analysis.stages[baseIndex] as Stage);
      if (analysis.edges.some((e) => e.fromStage === baseIndex && e.kind !== "from"))
        throw new Error(`Stage ${stage.label} builds on a stage that is also copied from; not modelled`);
      state = { dir: base.dir, env: { ...base.env }, user: base.user };
    } else {
      state = { dir: workDir(stage, ships), env: {}, user: null };
      mkdirSync(state.dir, { recursive: true });
    }
    for (const ins of stage.instructions) await step(stage, state, ins, ships);
    states.set(stage.index, state);
    return state;
  };

  const step = async (stage: Stage, state: StageState, ins: Instruction, ships: boolean) => {
    switch (ins.keyword) {
      case "WORKDIR":
        if (path.posix.resolve("/", ins.args.trim()) !== WORKDIR)
          throw new Error(`line ${ins.line}: WORKDIR must be ${WORKDIR} for this emulation`);
        return;
      case "ENV":
        for (const kv of parseKeyValues(ins.args, "\\", true)) state.env[kv.key] = kv.value ?? "";
        return;
      case "USER":
        state.user = ins.args.trim();
        return;
      case "COPY":
        return copy(state, ins);
      case "RUN":
        return runStep(stage, state, ins, ships);
      case "ADD":
        throw new Error(`line ${ins.line}: ADD is not modelled`);
      default:
        return; // EXPOSE, VOLUME, HEALTHCHECK, CMD, ENTRYPOINT, LABEL, ARG: metadata only
    }
  };

  const copy = async (state: StageState, ins: Instruction) => {
    const from = flagValue(ins.flags, "from");
    const { sources, destination } = copyPaths(ins, "\\");
    if (!destination) throw new Error(`line ${ins.line}: COPY without a destination`);
    const destIsDir = destination.endsWith("/") || sources.length > 1;
    const target = inStage(state.dir, destination);
    for (const source of sources) {
      if (/[*?[]/.test(source)) throw new Error(`line ${ins.line}: wildcards in COPY are not modelled`);
      copies.push({ line: ins.line, fromStage: from ?? null, source, destination });
      if (from) {
        const origin = await run(stageNamed(from));
        const file = inStage(origin.dir, source);
        if (!existsSync(file))
          throw new Error(`line ${ins.line}: COPY --from=${from} ${source}: not in the ${from} stage`);
        copyInto(file, target, destIsDir);
        continue;
      }
      // From the build context, filtered by .dockerignore.
      const rel = path.posix
        .normalize(source)
        .replace(/^\.?\/*/, "")
        .replace(/\/$/, "");
      const files = contextFiles(rules).filter((f) => rel === "" || f === rel || f.startsWith(`${rel}/`));
      if (files.length === 0) throw new Error(`line ${ins.line}: COPY ${source}: not in the build context`);
      const single = files.length === 1 && files[0] === rel;
      for (const file of files) {
        const into = single
          ? destIsDir || (existsSync(target) && statSync(target).isDirectory())
            ? path.join(target, path.basename(file))
            : target
          : path.join(target, rel === "" ? file : file.slice(rel.length + 1));
        mkdirSync(path.dirname(into), { recursive: true });
        copyFileSync(path.join(ROOT, file), into);
      }
    }
  };

  const runStep = async (stage: Stage, state: StageState, ins: Instruction, ships: boolean) => {
    const script = runScript(ins);
    const commands = simpleCommands(script);
    if (ships) {
      for (const words of commands) {
        if (words[0] === "mkdir") {
          for (const dir of words.slice(1).filter((w) => !w.startsWith("-") && !w.startsWith("/")))
            mkdirSync(inStage(state.dir, dir), { recursive: true });
        } else if (words[0] !== "chown") {
          throw new Error(`line ${ins.line}: the shipping stage may only mkdir and chown (${words[0]})`);
        }
      }
      log.push(`${stage.label}:${ins.line} folders only`);
      return;
    }
    if (commands.every((words) => words[0] === "apt-get" || words[0] === "rm")) {
      log.push(`${stage.label}:${ins.line} skipped (system packages)`);
      return;
    }
    if (commands.some((words) => words[0] === "npm" && words[1] === "ci")) {
      if (commands.length !== 1) throw new Error(`line ${ins.line}: npm ci must be a RUN of its own`);
      linkTree(path.join(ROOT, "node_modules"), path.join(state.dir, "node_modules"));
      // npm ci then runs the package's postinstall (prisma generate) in the stage, with only the
      // files COPY'd so far: a file it needs and the stage lacks fails here as in a real build.
      const pkg = JSON.parse(readFileSync(path.join(state.dir, "package.json"), "utf8"));
      const postinstall: string | undefined = pkg.scripts?.postinstall;
      if (postinstall) {
        const bin = path.join(state.dir, "node_modules", ".bin");
        const { code, output } = await shell(postinstall, state.dir, {
          PATH: `${bin}:${process.env.PATH ?? ""}`,
          HOME: process.env.HOME ?? "",
          ...state.env,
        });
        if (code !== 0)
          throw new Error(
            `line ${ins.line}: npm ci's postinstall failed (exit ${code}):\n${output.slice(-4000)}`,
          );
      }
      log.push(`${stage.label}:${ins.line} npm ci → the repository's node_modules, then its postinstall`);
      return;
    }
    const t0 = performance.now();
    const { code, output } = await shell(script, state.dir, {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...state.env,
    });
    if (code !== 0) throw new Error(`line ${ins.line}: RUN failed (exit ${code}):\n${output.slice(-4000)}`);
    log.push(`${stage.label}:${ins.line} ran in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  const state = await run(shipping);
  const words = (keyword: string) => {
    const ins = shipping.instructions.findLast((i) => i.keyword === keyword);
    return ins ? (parseJsonArray(ins.args) ?? ["sh", "-c", ins.args]) : [];
  };
  return {
    analysis,
    shipping,
    imageDir: state.dir,
    env: state.env,
    user: state.user,
    command: [...words("ENTRYPOINT"), ...words("CMD")],
    copies,
    log,
  };
}

/** `sh -c script`, at low priority so a build does not starve tests running beside it. */
function shell(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", script], {
      cwd,
      env: env as unknown as NodeJS.ProcessEnv, // exactly these variables, nothing inherited
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // Not allowed here: run at normal priority.
    }
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
