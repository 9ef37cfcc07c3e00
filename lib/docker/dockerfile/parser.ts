// Dockerfile parser following BuildKit's frontend (moby/buildkit frontend/dockerfile/parser,
// dockerfile frontend 1.16+).
//
// Why not `dockerfile-ast` 0.7.1 (docs/decisions/002-dockerfile-parser.md): bundled for the browser it is
// ~88 KB minified / ~21 KB gzip with its vscode-languageserver dependencies, above the whole 15 KB
// budget for parser + analyzer, and it keeps comment lines inside continued instructions in the
// argument text (BuildKit drops them). What we need is small: logical lines, directives, heredocs.
//
// BuildKit rules reproduced here:
// - A byte order mark is stripped from the very start of the file only.
// - Parser directives (`# syntax=`, `# escape=`, `# check=`) count only in the unbroken run of
//   directive lines at the very top; the first other line (comment, blank, instruction) ends it.
// - A line ending in the escape character (then only spaces or tabs) continues, unless that escape
//   character is itself escaped (`WORKDIR C:\\`). Inside a continued instruction, comment lines
//   and blank lines are dropped.
// - Leading whitespace is Go's (unicode.IsSpace, which includes the no-break space); words of the
//   keyword, FROM, COPY and EXPOSE are separated by `[\t\v\f\r ]` only.
// - RUN/COPY/ADD lines (not exec/JSON form) that contain `<<WORD` (or `<< WORD`) read heredoc bodies
//   from the following lines up to a line equal to WORD (`<<-` ignores leading tabs); bodies are
//   never parsed as instructions. The heredoc lexer always uses `\` (BuildKit does too).
// - A line longer than 64 KB stops BuildKit's line scanner: an error.

import { dumpNode, type NodeArgs, nodeArgs, splitCommand, trimLeftGoSpace } from "./node-args";
import type { Directives, Heredoc, Instruction, Problem } from "./types";
import { type EscapeChar, lexWordsRaw, toFlag, unquote } from "./words";

export interface ParsedDockerfile {
  directives: Directives;
  instructions: Instruction[];
  problems: Problem[];
  lineCount: number;
}

/** Every instruction BuildKit knows; anything else fails the build with "unknown instruction". */
export const KNOWN_INSTRUCTIONS = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

/** Longest line BuildKit's scanner reads (bufio.MaxScanTokenSize - 1), in UTF-8 bytes. */
export const MAX_LINE_BYTES = 64 * 1024 - 1;

const HEREDOC_INSTRUCTIONS = new Set(["RUN", "COPY", "ADD"]);
const DIRECTIVE_NAMES = new Set(["syntax", "escape", "check"]);

/** Parses Dockerfile text into directives and instructions; problems come back as values. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) lines[i] = trimNewline(lines[i] as string);
  if (lines[0]?.startsWith("\uFEFF")) lines[0] = lines[0].slice(1);
  const lineCount = text.endsWith("\n") ? lines.length - 1 : lines.length;
  const problems: Problem[] = [];
  const tooLong = lines.findIndex(
    (line) => line.length > MAX_LINE_BYTES / 3 && utf8Length(line) > MAX_LINE_BYTES,
  );
  if (tooLong >= 0) {
    problems.push({
      severity: "error",
      line: tooLong + 1,
      message: `Line ${tooLong + 1} is longer than 64 KB: BuildKit stops with "dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}".`,
    });
    lines.length = tooLong;
  }
  const directives = readDirectives(lines, problems);
  const escapeChar = directives.escape;
  const instructions: Instruction[] = [];

  let i = 0;
  while (i < lines.length) {
    const first = trimLeftGoSpace(lines[i] as string);
    const line = i + 1;
    i++;
    let [logical, continues] = trimContinuation(first.startsWith("#") ? "" : first, escapeChar);
    if (!continues && logical === "") continue;
    let sawEmpty = false;
    while (continues && i < lines.length) {
      const next = lines[i] as string;
      i++;
      if (trimLeftGoSpace(next).startsWith("#")) continue;
      if (trimLeftGoSpace(next) === "") {
        sawEmpty = true;
        continue;
      }
      const [part, more] = trimContinuation(next, escapeChar);
      logical += part;
      continues = more;
    }
    if (sawEmpty) {
      problems.push({
        severity: "warning",
        line,
        message: "Empty continuation line: BuildKit drops it but warns that this will become an error.",
      });
    }

    const split = splitCommand(logical);
    const keyword = split.keyword.toUpperCase();
    const node = nodeArgs(keyword, split.rest, escapeChar);
    const instruction: Instruction = {
      keyword,
      written: split.keyword,
      line,
      endLine: i,
      flags: split.flagWords.map(toFlag),
      args: split.rest,
      argv: node.args,
      json: node.json,
      heredocs: [],
    };
    if (!KNOWN_INSTRUCTIONS.has(keyword)) {
      problems.push({
        severity: "error",
        line,
        message: `Unknown instruction "${split.keyword}": docker build stops here.`,
      });
    } else if (node.error) {
      problems.push({ severity: "error", line, message: `${keyword}: ${node.error}.` });
    }
    if (canContainHeredoc(keyword, node)) {
      for (const marker of heredocMarkers(logical)) {
        const read = readHeredoc(lines, i, marker);
        instruction.heredocs.push(read.heredoc);
        i = read.next;
        if (!read.terminated) {
          problems.push({
            severity: "error",
            line,
            message: `Unterminated heredoc: no line reads "${marker.name}" after line ${line}.`,
          });
          break;
        }
      }
      instruction.endLine = i;
    }
    instructions.push(instruction);
  }
  return { directives, instructions, problems, lineCount };
}

/**
 * BuildKit's parse-tree dump of one instruction, e.g. `(copy ["--from=build"] "/app" ".")`: the
 * keyword, the flags and the argument list its parser made. Computed on demand (the parity tests
 * and debugging need it; the analysis does not).
 */
export function dumpInstruction(ins: Instruction, escapeChar: EscapeChar): string {
  const node: NodeArgs =
    ins.keyword === "ONBUILD"
      ? nodeArgs(ins.keyword, ins.args, escapeChar)
      : { args: ins.argv, json: ins.json, sub: null, error: null };
  return dumpNode(
    ins.keyword,
    ins.flags.map((f) => f.raw),
    node,
  );
}

const trimNewline = (line: string) => {
  let end = line.length;
  while (end > 0 && line[end - 1] === "\r") end--;
  return end === line.length ? line : line.slice(0, end);
};

/** UTF-8 length without TextEncoder allocations (the text may be large). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * BuildKit's directive pattern `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, read in one pass
 * (the regex itself backtracks quadratically on a long run of spaces).
 */
export function matchDirective(line: string): { name: string; value: string } | null {
  const isWs = (ch: string | undefined) =>
    ch === " " || ch === "\t" || ch === "\n" || ch === "\f" || ch === "\r";
  if (line[0] !== "#") return null;
  let i = 1;
  while (isWs(line[i])) i++;
  const start = i;
  if (!/[a-zA-Z]/.test(line[i] ?? "")) return null;
  while (i < line.length && /[a-zA-Z0-9]/.test(line[i] as string)) i++;
  const name = line.slice(start, i);
  while (isWs(line[i])) i++;
  if (line[i] !== "=") return null;
  const afterEq = i + 1;
  let end = line.length;
  while (end > afterEq && isWs(line[end - 1])) end--;
  let from = afterEq;
  while (from < end && isWs(line[from])) from++;
  // `.+?` needs one character: a value of only spaces is one space.
  if (from === end) return end < line.length ? { name, value: line[end] as string } : null;
  return { name, value: line.slice(from, end) };
}

function readDirectives(lines: string[], problems: Problem[]): Directives {
  const directives: Directives = { syntax: null, escape: "\\", check: null, lines: [] };
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const match = matchDirective(trimLeftGoSpace(lines[i] as string));
    const name = match?.name.toLowerCase();
    if (!match || !name || !DIRECTIVE_NAMES.has(name)) break;
    const value = match.value;
    if (seen.has(name)) {
      problems.push({
        severity: "error",
        line: i + 1,
        message: `Only one "${name}" parser directive can be used.`,
      });
      continue;
    }
    seen.add(name);
    directives.lines.push(i + 1);
    if (name === "escape") {
      if (value === "`" || value === "\\") directives.escape = value;
      else
        problems.push({
          severity: "error",
          line: i + 1,
          message: `Invalid escape character "${value}": use \` or \\.`,
        });
    } else if (name === "syntax" || name === "check") directives[name] = value;
  }
  return directives;
}

/**
 * BuildKit's continuation rule `([^E])E[ \t]*$|^E[ \t]*$` (E the escape character): strips a
 * trailing escape character and the spaces after it; true when the line continues. An escape
 * character preceded by another one is escaped, so the line ends there.
 */
export function trimContinuation(line: string, escapeChar: EscapeChar): [string, boolean] {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  if (end === 0 || line[end - 1] !== escapeChar) return [line, false];
  if (end === 1) return ["", true];
  if (line[end - 2] === escapeChar) return [line, false];
  return [line.slice(0, end - 1), true];
}

function canContainHeredoc(keyword: string, node: NodeArgs): boolean {
  if (keyword === "ONBUILD" && node.sub) {
    return HEREDOC_INSTRUCTIONS.has(node.sub.keyword.toUpperCase()) && !node.sub.node.json;
  }
  return HEREDOC_INSTRUCTIONS.has(keyword) && !node.json;
}

interface HeredocMarker {
  name: string;
  expand: boolean;
  chomp: boolean;
}

const HEREDOC_OPEN = /^\d*<<-?$/;

/**
 * The `<<WORD` markers on a logical line, in order (BuildKit's heredocsFromLine). Since dockerfile
 * 1.16 whitespace may follow `<<` (`RUN << EOF`): a word that is only `<<` or `<<-` takes the next.
 */
export function heredocMarkers(logical: string): HeredocMarker[] {
  const markers: HeredocMarker[] = [];
  const words = lexWordsRaw(logical);
  if (words === null) return markers;
  for (let w = 0; w < words.length; w++) {
    let word = words[w] as string;
    if (HEREDOC_OPEN.test(word) && w + 1 < words.length) word += words[++w];
    const open = word.indexOf("<<");
    if (open < 0 || !/^\d*$/.test(word.slice(0, open))) continue;
    let rest = word.slice(open + 2);
    const chomp = rest.startsWith("-");
    if (chomp) rest = rest.slice(1);
    if (rest === "" || rest.includes("<")) continue;
    const inner = lexWordsRaw(rest);
    if (inner === null || inner.length !== 1) continue;
    const name = unquote(rest);
    // A quoted delimiter (any part of it) turns expansion off in the body.
    const expand = countQuotes(name) === countQuotes(rest);
    markers.push({ name, expand, chomp });
  }
  return markers;
}

function countQuotes(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === "'" || ch === '"') n++;
  return n;
}

function readHeredoc(
  lines: string[],
  start: number,
  marker: HeredocMarker,
): { heredoc: Heredoc; next: number; terminated: boolean } {
  const body: string[] = [];
  let i = start;
  while (i < lines.length) {
    const raw = lines[i] as string;
    i++;
    let tabs = 0;
    if (marker.chomp) while (raw[tabs] === "\t") tabs++;
    const candidate = tabs > 0 ? raw.slice(tabs) : raw;
    if (candidate === marker.name) {
      return {
        heredoc: { ...marker, body: join(body), line: start + 1, endLine: i },
        next: i,
        terminated: true,
      };
    }
    body.push(candidate);
  }
  return {
    heredoc: { ...marker, body: join(body), line: start + 1, endLine: i },
    next: i,
    terminated: false,
  };
}

const join = (body: string[]) => (body.length === 0 ? "" : `${body.join("\n")}\n`);
