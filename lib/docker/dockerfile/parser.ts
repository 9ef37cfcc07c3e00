// Dockerfile parser following BuildKit's frontend (moby/buildkit frontend/dockerfile/parser).
//
// Why not `dockerfile-ast` 0.7.1 (docs/decisions/002-dockerfile-parser.md): bundled for the browser it is
// ~88 KB minified / ~21 KB gzip with its vscode-languageserver dependencies, above the whole 15 KB
// budget for parser + analyzer, and it keeps comment lines inside continued instructions in the
// argument text (BuildKit drops them). What we need is small: logical lines, directives, heredocs.
//
// BuildKit rules reproduced here:
// - Parser directives (`# syntax=`, `# escape=`, `# check=`) count only in the unbroken run of
//   directive lines at the very top; the first other line (comment, blank, instruction) ends it.
// - A line ending in the escape character (optionally followed by spaces) continues; inside a
//   continued instruction, comment lines and blank lines are dropped.
// - RUN/COPY/ADD lines (not exec/JSON form) that contain `<<WORD` read heredoc bodies from the
//   following lines up to a line equal to WORD (`<<-` ignores leading tabs); bodies are never
//   parsed as instructions. The heredoc lexer always uses `\` (BuildKit does too).

import type { Directives, Heredoc, Instruction, Problem } from "./types";
import { type EscapeChar, extractFlags, parseJsonArray, splitWordsRaw, unquote } from "./words";

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

const HEREDOC_INSTRUCTIONS = new Set(["RUN", "COPY", "ADD"]);
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

const trimLeft = (s: string) => s.replace(/^[ \t\v\f]+/, "");
const isComment = (s: string) => trimLeft(s).startsWith("#");

/** Parses Dockerfile text into directives and instructions; problems come back as values. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  if (lines[0]?.startsWith("\uFEFF")) lines[0] = lines[0].slice(1);
  const lineCount = text.endsWith("\n") ? lines.length - 1 : lines.length;
  const problems: Problem[] = [];
  const directives = readDirectives(lines, problems);
  const escapeChar = directives.escape;
  const instructions: Instruction[] = [];

  let i = 0;
  while (i < lines.length) {
    const first = trimLeft(lines[i] as string);
    const line = i + 1;
    i++;
    if (first === "" || first.startsWith("#")) continue;

    let [logical, continues] = trimContinuation(first, escapeChar);
    let sawEmpty = false;
    while (continues && i < lines.length) {
      const next = lines[i] as string;
      i++;
      if (isComment(next)) continue;
      if (trimLeft(next) === "") {
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

    const trimmed = logical.trim();
    if (trimmed === "") continue;
    const split = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
    const written = split?.[1] ?? trimmed;
    const keyword = written.toUpperCase();
    const { flags, rest } = extractFlags(split?.[2] ?? "");
    const instruction: Instruction = { keyword, written, line, endLine: i, flags, args: rest, heredocs: [] };

    if (!KNOWN_INSTRUCTIONS.has(keyword)) {
      problems.push({
        severity: "error",
        line,
        message: `Unknown instruction "${written}": docker build stops here.`,
      });
    } else if (canContainHeredoc(keyword, rest) && logical.includes("<<")) {
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

function readDirectives(lines: string[], problems: Problem[]): Directives {
  const directives: Directives = { syntax: null, escape: "\\", check: null, lines: [] };
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const match = DIRECTIVE.exec(trimLeft(lines[i] as string));
    const name = match?.[1]?.toLowerCase();
    if (!match || (name !== "syntax" && name !== "escape" && name !== "check")) break;
    const value = match[2] as string;
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
    } else directives[name] = value;
  }
  return directives;
}

/** Strips a trailing escape character (and spaces after it); true when the line continues. */
function trimContinuation(line: string, escapeChar: EscapeChar): [string, boolean] {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  if (end > 0 && line[end - 1] === escapeChar) return [line.slice(0, end - 1), true];
  return [line, false];
}

function canContainHeredoc(keyword: string, args: string): boolean {
  let target = keyword;
  let rest = args;
  if (keyword === "ONBUILD") {
    const split = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
    target = split?.[1]?.toUpperCase() ?? "";
    rest = extractFlags(split?.[2] ?? "").rest;
  }
  return HEREDOC_INSTRUCTIONS.has(target) && parseJsonArray(rest) === null;
}

interface HeredocMarker {
  name: string;
  expand: boolean;
  chomp: boolean;
}

/** The `<<WORD` markers on a logical line, in order (BuildKit's heredocsFromLine). */
export function heredocMarkers(logical: string): HeredocMarker[] {
  const markers: HeredocMarker[] = [];
  for (const word of splitWordsRaw(logical, "\\")) {
    const match = HEREDOC_WORD.exec(word);
    const rest = match?.[3];
    if (!match || !rest) continue;
    if (splitWordsRaw(rest).length !== 1) continue;
    const name = unquote(rest);
    // A quoted delimiter (any part of it) turns expansion off in the body.
    const expand = countQuotes(name) === countQuotes(rest);
    markers.push({ name, expand, chomp: match[2] === "-" });
  }
  return markers;
}

const countQuotes = (s: string) => s.split("").filter((ch) => ch === "'" || ch === '"').length;

function readHeredoc(
  lines: string[],
  start: number,
  marker: HeredocMarker,
): { heredoc: Heredoc; next: number; terminated: boolean } {
  let body = "";
  let i = start;
  while (i < lines.length) {
    const raw = lines[i] as string;
    i++;
    const candidate = marker.chomp ? raw.replace(/^\t+/, "") : raw;
    if (candidate === marker.name) {
      return { heredoc: { ...marker, body, line: start + 1, endLine: i }, next: i, terminated: true };
    }
    body += `${candidate}\n`;
  }
  return { heredoc: { ...marker, body, line: start + 1, endLine: i }, next: i, terminated: false };
}
