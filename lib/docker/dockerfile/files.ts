// Which files each stage holds beyond its base image, followed through COPY (from the build
// context or another stage) and the RUN steps whose output is well known (npm installs, go build -o,
// Spring Boot's layertools extract, Maven's package). With a listing of the build context (and its
// .dockerignore) the entries are concrete files; without one, `COPY . /app` is one entry standing
// for "whatever the context holds". What a base image brings is not modelled: the size data and the
// findings speak about bases.

import { ignoreVerdict, parseDockerignore } from "../cache/dockerignore";
import { cleanPath, compileGlob, GlobBudget, globMatches } from "../cache/glob";
import { commandsWithAssignments, runScript } from "./commands";
import { copyPaths } from "./graph";
import type { Instruction, Stage } from "./types";
import { type EscapeChar, flagValue } from "./words";

/** Where a file in a stage came from. */
export type FileOrigin =
  | { kind: "context"; path: string }
  | { kind: "stage"; stage: number; path: string }
  | { kind: "image"; image: string; path: string }
  | { kind: "run"; what: string };

export interface StageFile {
  /** Absolute path in the stage's filesystem. */
  path: string;
  /** True when the entry stands for a whole directory whose contents are not listed. */
  tree: boolean;
  origin: FileOrigin;
  /** The instruction that put it there. */
  line: number;
}

export interface BuildContext {
  /** Context paths, one per file ("src/server.js"); directories may be listed with a trailing "/". */
  files?: readonly string[];
  dockerignore?: string;
}

/**
 * Most entries one stage keeps. Copies between stages can double a stage's entries at every
 * step (COPY --from=prev / /a, then / /b), so without a cap 50 stages would hold 2^50; past it,
 * later entries of the stage are dropped (an exercise lists at most 500 context paths; real ones hold a few dozen).
 */
export const MAX_STAGE_FILES = 1000;

/** Entries per stage, in file order; a stage built FROM another starts with that stage's entries. */
export function stageFiles(
  stages: readonly Stage[],
  context: BuildContext,
  escapeChar: EscapeChar,
): StageFile[][] {
  const budget = new GlobBudget();
  const rules = parseDockerignore(context.dockerignore ?? "");
  const listing = context.files
    ?.map((f) => cleanPath(f))
    .filter((f) => f !== "" && !ignoreVerdict(rules, f, budget).excluded);
  const out: StageFile[][] = [];
  const byRef = (ref: string) =>
    /^\d+$/.test(ref) ? stages[Number(ref)] : stages.find((s) => s.normalizedName === ref.toLowerCase());
  for (const stage of stages) {
    const files: StageFile[] = stage.base.kind === "stage" ? [...(out[stage.base.stage] ?? [])] : [];
    let workdir = "/";
    if (stage.base.kind === "stage") workdir = lastWorkdir(stages, stage.base.stage);
    for (const ins of stage.instructions) {
      if (ins.keyword === "WORKDIR") workdir = resolve(workdir, unquoted(ins.args.trim()));
      else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
        const { sources, destination } = copyPaths(ins, escapeChar);
        if (!destination || sources.some((s) => s.startsWith("<<"))) continue;
        const dest = resolve(workdir, destination);
        const many = sources.length > 1 || destination.endsWith("/");
        const from = flagValue(ins.flags, "from");
        if (!from) {
          for (const src of sources) files.push(...fromContext(src, dest, many, ins.line, listing, budget));
          continue;
        }
        const source = byRef(from);
        for (const src of sources) {
          if (files.length >= MAX_STAGE_FILES) break;
          const abs = resolve("/", src);
          if (!source) {
            files.push({
              path: placed(abs, dest, many),
              tree: true,
              origin: { kind: "image", image: from, path: abs },
              line: ins.line,
            });
            continue;
          }
          files.push(...fromStage(out[source.index] ?? [], source, abs, dest, many, ins.line));
        }
      } else if (ins.keyword === "RUN") {
        files.push(...runOutputs(ins, workdir));
      }
      if (files.length > MAX_STAGE_FILES) files.length = MAX_STAGE_FILES;
    }
    out.push(files);
  }
  return out;
}

function lastWorkdir(stages: readonly Stage[], index: number): string {
  const stage = stages[index];
  if (!stage) return "/";
  let workdir = stage.base.kind === "stage" ? lastWorkdir(stages, stage.base.stage) : "/";
  for (const ins of stage.instructions)
    if (ins.keyword === "WORKDIR") workdir = resolve(workdir, unquoted(ins.args.trim()));
  return workdir;
}

const unquoted = (word: string) => word.replace(/^(["'])(.*)\1$/, "$2");

/** An absolute, normalised path: `path` relative to `base` unless absolute. */
export function resolve(base: string, path: string): string {
  const joined = path.startsWith("/") ? path : `${base}/${path}`;
  return `/${cleanPath(joined)}`;
}

/** `dir` + a clean relative path, without re-cleaning (both parts are already clean). */
const join = (dir: string, rel: string) => (dir === "/" ? `/${rel}` : `${dir}/${rel}`);
const basename = (path: string) =>
  path.slice(path.replace(/\/$/, "").lastIndexOf("/") + 1).replace(/\/$/, "");
const under = (path: string, dir: string) => dir === "/" || path === dir || path.startsWith(`${dir}/`);

/** Where one copied file lands: inside `dest` when it is a directory, else at `dest`. */
function placed(source: string, dest: string, intoDir: boolean): string {
  return intoDir ? resolve(dest, basename(source)) : dest;
}

function fromContext(
  src: string,
  dest: string,
  many: boolean,
  line: number,
  listing: readonly string[] | undefined,
  budget: GlobBudget,
): StageFile[] {
  const clean = cleanPath(src);
  const wild = /[*?[]/.test(clean);
  if (!listing) {
    // Without a listing "." and directories stand for their whole contents.
    if (clean === "") return [{ path: dest, tree: true, origin: { kind: "context", path: "" }, line }];
    return [
      {
        path: placed(clean, dest, many || wild),
        tree: src.endsWith("/") || !/\.[^/]*$/.test(clean),
        origin: { kind: "context", path: clean },
        line,
      },
    ];
  }
  const glob = compileGlob(clean, false);
  const out: StageFile[] = [];
  for (const file of listing) {
    const dir = file.endsWith("/");
    const path = dir ? file.slice(0, -1) : file;
    if (clean === "" || (!wild && under(path, clean) && path !== clean)) {
      // A directory's contents keep their place relative to it.
      const rel = clean === "" ? path : path.slice(clean.length + 1);
      out.push({ path: resolve(dest, rel), tree: dir, origin: { kind: "context", path }, line });
    } else if (path === clean || (wild && globMatches(glob, path, false, budget))) {
      out.push({
        path: placed(path, dest, many || wild),
        tree: dir,
        origin: { kind: "context", path },
        line,
      });
    }
  }
  return out;
}

function fromStage(
  files: readonly StageFile[],
  source: Stage,
  abs: string,
  dest: string,
  many: boolean,
  line: number,
): StageFile[] {
  const out: StageFile[] = [];
  let matched = false;
  for (const file of files) {
    if (file.path === abs) {
      matched = true;
      out.push({ ...file, path: file.tree ? dest : placed(abs, dest, many), line });
    } else if (under(file.path, abs)) {
      matched = true;
      out.push({ ...file, path: join(dest, file.path.slice(abs === "/" ? 1 : abs.length + 1)), line });
    } else if (file.tree && under(abs, file.path)) {
      matched = true;
      out.push({ ...file, path: placed(abs, dest, many), tree: true, line });
    }
  }
  // Nothing the Dockerfile put there: the file comes with the stage's base image.
  if (!matched)
    out.push({
      path: placed(abs, dest, many),
      tree: true,
      origin: { kind: "stage", stage: source.index, path: abs },
      line,
    });
  return out;
}

const LAYERS = ["dependencies", "spring-boot-loader", "snapshot-dependencies", "application"];

/** What well-known RUN steps leave in the filesystem. */
function runOutputs(ins: Instruction, workdir: string): StageFile[] {
  const out: StageFile[] = [];
  const add = (path: string, what: string) =>
    out.push({ path, tree: true, origin: { kind: "run", what }, line: ins.line });
  for (const { words } of commandsWithAssignments(runScript(ins))) {
    const [cmd, sub] = words;
    let dir = workdir;
    if (cmd === "npm" && (sub === "ci" || sub === "install" || sub === "i"))
      add(resolve(dir, "node_modules"), `npm ${sub}`);
    else if (cmd === "go" && sub === "build") {
      const o = words.indexOf("-o");
      const target = o >= 0 ? words[o + 1] : undefined;
      if (target) add(resolve(dir, target), "go build");
    } else if ((cmd === "mvn" || cmd === "mvnw") && words.some((w) => w === "package" || w === "install"))
      add(resolve(dir, "target"), `${cmd} package`);
    else if (
      cmd === "java" &&
      words.some((w) => /^-Djarmode=(layertools|tools)$/.test(w)) &&
      words.includes("extract")
    ) {
      const d = words.find((w) => w.startsWith("--destination"));
      if (d)
        dir = resolve(
          dir,
          d.includes("=") ? d.slice(d.indexOf("=") + 1) : (words[words.indexOf(d) + 1] ?? "."),
        );
      for (const layer of LAYERS) add(resolve(dir, layer), "layertools extract");
    }
  }
  return out;
}
