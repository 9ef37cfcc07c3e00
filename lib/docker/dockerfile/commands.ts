// Reads what a RUN instruction executes, well enough for best-practice rules: the script text
// (shell form, exec form or heredoc body) split into simple commands (`a && b; c | d`), each as
// unquoted words with leading `VAR=value` assignments and `sudo` removed.

import type { Instruction } from "./types";
import { type MountSpec, parseJsonArray, parseMount } from "./words";

/** The text a RUN executes: its arguments plus any heredoc bodies. */
export function runScript(ins: Instruction): string {
  const json = parseJsonArray(ins.args);
  const head = json ? json.join(" ") : ins.args;
  return ins.heredocs.length === 0 ? head : `${head}\n${ins.heredocs.map((h) => h.body).join("\n")}`;
}

/** The `--mount` option sets of a RUN. */
export function runMounts(ins: Instruction): MountSpec[] {
  return ins.flags.filter((f) => f.name === "mount" && f.value).map((f) => parseMount(f.value as string));
}

/** Splits a shell script into simple commands, each a list of unquoted words. */
export function simpleCommands(script: string): string[][] {
  return rawCommands(script).map(normalise);
}

/**
 * The simple commands of a script with the `VAR=value` assignments written in front of each
 * (`CGO_ENABLED=0 go build …` sets CGO_ENABLED for that one command).
 */
export function commandsWithAssignments(script: string): { words: string[]; env: Record<string, string> }[] {
  return rawCommands(script).map((raw) => {
    const env: Record<string, string> = {};
    for (const word of raw) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word);
      if (!match) break;
      env[match[1] as string] = match[2] as string;
    }
    return { words: normalise(raw), env };
  });
}

function rawCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let quote = "";
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    if (quote) {
      if (ch === quote) quote = "";
      else if (ch === "\\" && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < script.length) {
      const next = script[++i] as string;
      if (next === "\n") endWord();
      else {
        word += next;
        inWord = true;
      }
    } else if (ch === "\n" || ch === ";" || ch === "&" || ch === "|" || ch === "(" || ch === ")")
      endCommand();
    else if (ch === " " || ch === "\t" || ch === "\r") endWord();
    else {
      word += ch;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

function normalise(words: string[]): string[] {
  let start = 0;
  while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start] as string)) start++;
  if (words[start] === "sudo" || words[start] === "exec") start++;
  const rest = words.slice(start);
  const first = rest[0];
  if (first === undefined) return rest;
  rest[0] = first.slice(first.lastIndexOf("/") + 1);
  // python -m pip install … reads as pip install …
  if (/^python[\d.]*$/.test(rest[0] as string) && rest[1] === "-m" && /^pip\d?$/.test(rest[2] ?? "")) {
    return ["pip", ...rest.slice(3)];
  }
  if (/^pip\d(\.\d+)?$/.test(rest[0] as string)) rest[0] = "pip";
  return rest;
}

/** The first word after the command that is not a flag (the subcommand), and its position. */
function subcommand(words: readonly string[]): [string | undefined, number] {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (!word.startsWith("-")) return [word, i];
  }
  return [undefined, -1];
}

/** `npm install` / `npm i` installing from package.json (no package names given). */
export function isNpmInstallFromManifest(words: readonly string[]): boolean {
  if (words[0] !== "npm") return false;
  const [sub, at] = subcommand(words);
  if (sub !== "install" && sub !== "i") return false;
  return words.slice(at + 1).every((w) => w.startsWith("-"));
}

/** `apt-get install` or `apt install`. */
export function isAptInstall(words: readonly string[]): boolean {
  return (words[0] === "apt-get" || words[0] === "apt") && subcommand(words)[0] === "install";
}

/** `pip install` (any form). */
export function isPipInstall(words: readonly string[]): boolean {
  return words[0] === "pip" && subcommand(words)[0] === "install";
}

/** A build step that compiles or bundles the app (npm run build, tsc, ...). */
export function isBuildStep(words: readonly string[]): boolean {
  const [cmd, sub, third] = words;
  if (cmd === "tsc" || (cmd === "npx" && sub === "tsc")) return true;
  if (cmd === "npm" || cmd === "pnpm" || cmd === "yarn") {
    return sub === "build" || (sub === "run" && third === "build");
  }
  return false;
}

/**
 * A dependency install that only needs the manifest files, named by its ecosystem, or null. These
 * are the steps that should run before `COPY . .` so source edits don't invalidate their cache.
 */
export function dependencyInstall(words: readonly string[]): DependencyEcosystem | null {
  const [cmd] = words;
  const [sub, at] = subcommand(words);
  if (cmd === "npm" && (sub === "ci" || sub === "install" || sub === "i")) return "npm";
  if (cmd === "yarn" && (sub === undefined || sub === "install")) return "yarn";
  if (cmd === "pnpm" && (sub === "install" || sub === "i")) return "pnpm";
  if (cmd === "pip" && sub === "install") {
    return words.slice(at + 1).some((w) => w === "-r" || w.startsWith("--requirement") || /^-r\S/.test(w))
      ? "pip"
      : null;
  }
  if (cmd === "go" && sub === "mod" && words[at + 1] === "download") return "go";
  if ((cmd === "mvn" || cmd === "mvnw") && words.includes("dependency:go-offline")) return "maven";
  if (cmd === "bundle" && sub === "install") return "bundler";
  return null;
}

export type DependencyEcosystem = "npm" | "yarn" | "pnpm" | "pip" | "go" | "maven" | "bundler";

/** The files each ecosystem's install needs, for the "copy these first" fix. */
export const MANIFESTS: Record<DependencyEcosystem, string> = {
  npm: "package.json package-lock.json",
  yarn: "package.json yarn.lock",
  pnpm: "package.json pnpm-lock.yaml",
  pip: "requirements.txt",
  go: "go.mod go.sum",
  maven: "pom.xml (and mvnw .mvn/ for the wrapper)",
  bundler: "Gemfile Gemfile.lock",
};
