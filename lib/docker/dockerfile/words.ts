// Word-level helpers shared by the parser and the analyzer: flag extraction, quoting, JSON (exec)
// form, KEY=value lists and `--mount` options. Each mirrors the matching BuildKit function closely
// enough for analysis; none of them executes anything.

import { extractFlagWords, isGoSpace as isSpace, scanJsonArray } from "./node-args";

export type { EscapeChar } from "./node-args";

/** A `--name=value` flag in front of an instruction's arguments; value is null for a bare `--link`. */
export interface Flag {
  name: string;
  value: string | null;
  /** The word as BuildKit keeps it, quotes removed: `--from=build`. */
  raw: string;
}

/** Splits the leading `--flags` off an instruction's arguments (BuildKit's extractBuilderFlags). */
export function extractFlags(line: string): { flags: Flag[]; rest: string } {
  const { flagWords, rest } = extractFlagWords(line);
  return { flags: flagWords.map(toFlag), rest: rest.trim() };
}

/** `--name=value` → { name, value }; a bare `--link` has a null value. */
export function toFlag(word: string): Flag {
  const body = word.slice(2);
  const eq = body.indexOf("=");
  return eq < 0
    ? { name: body.toLowerCase(), value: null, raw: word }
    : { name: body.slice(0, eq).toLowerCase(), value: body.slice(eq + 1), raw: word };
}

/** The value of the last `--name=…` flag, or undefined. */
export function flagValue(flags: readonly Flag[], name: string): string | null | undefined {
  let found: string | null | undefined;
  for (const flag of flags) if (flag.name === name) found = flag.value;
  return found;
}

/** True when a boolean flag such as `--link` is set (bare or `=true`). */
export function flagIsSet(flags: readonly Flag[], name: string): boolean {
  const value = flagValue(flags, name);
  return value === null || value === "true";
}

/**
 * Splits on whitespace outside quotes, keeping quotes and escapes as written (BuildKit lexes heredoc
 * markers and KEY=value lists this way before it removes quotes).
 */
export function splitWordsRaw(text: string, escapeChar: string = "\\"): string[] {
  return lexWords(text, escapeChar).words;
}

/** Like splitWordsRaw with `\\`, but null when a quote is never closed (BuildKit's lexer fails then). */
export function lexWordsRaw(text: string): string[] | null {
  const lexed = lexWords(text, "\\");
  return lexed.closed ? lexed.words : null;
}

function lexWords(text: string, escapeChar: string): { words: string[]; closed: boolean } {
  const words: string[] = [];
  let word = "";
  let quote = "";
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      word += ch;
      if (ch === escapeChar && quote === '"' && i + 1 < text.length) word += text[++i];
      else if (ch === quote) quote = "";
      continue;
    }
    if (isSpace(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    inWord = true;
    word += ch;
    if (ch === escapeChar && i + 1 < text.length) word += text[++i];
    else if (ch === "'" || ch === '"') quote = ch;
  }
  if (inWord) words.push(word);
  return { words, closed: quote === "" };
}

/** Removes quotes and escapes from one word, without expanding variables. */
export function unquote(word: string, escapeChar: string = "\\"): string {
  let out = "";
  let quote = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = "";
      else out += ch;
    } else if (ch === escapeChar && i + 1 < word.length) out += word[++i];
    else if (ch === '"' && (quote === '"' || !quote)) quote = quote ? "" : '"';
    else if (ch === "'" && !quote) quote = "'";
    else out += ch;
  }
  return out;
}

/** Exec (JSON) form: `["a", "b"]` → ["a", "b"]; anything else → null (shell form). */
export function parseJsonArray(args: string): string[] | null {
  const scan = scanJsonArray(args);
  return scan.kind === "strings" ? scan.values : null;
}

export interface KeyValue {
  key: string;
  /** The value with quotes removed; null for `ARG NAME` without a default. */
  value: string | null;
  /** The value as written (quotes kept), for variable expansion. */
  rawValue: string | null;
}

/**
 * `ENV`/`ARG`/`LABEL` arguments: `K=v K2="v 2"`, or the legacy `ENV KEY value with spaces`
 * (only for ENV/LABEL, signalled by `legacy`). `ARG NAME` without `=` yields a null value.
 */
export function parseKeyValues(args: string, escapeChar: string, legacy: boolean): KeyValue[] {
  const words = splitWordsRaw(args, escapeChar);
  const first = words[0];
  if (first === undefined) return [];
  if (legacy && !first.includes("=")) {
    const rawValue = args.trim().slice(first.length).trim();
    return [{ key: unquote(first, escapeChar), value: unquote(rawValue, escapeChar), rawValue }];
  }
  return words.map((word) => {
    const eq = word.indexOf("=");
    if (eq < 0) return { key: unquote(word, escapeChar), value: null, rawValue: null };
    const rawValue = word.slice(eq + 1);
    return { key: unquote(word.slice(0, eq), escapeChar), value: unquote(rawValue, escapeChar), rawValue };
  });
}

/** One `RUN --mount=…` option set, keys as BuildKit names them. */
export interface MountSpec {
  type: string;
  from: string | null;
  source: string | null;
  target: string | null;
  id: string | null;
  /** Every option as written, for display. */
  options: Record<string, string>;
}

const MOUNT_ALIASES: Record<string, string> = {
  src: "source",
  dst: "target",
  destination: "target",
  ro: "readonly",
};

/** Parses the CSV value of `--mount` (`type=cache,target=/root/.npm`); type defaults to bind. */
export function parseMount(value: string): MountSpec {
  const options: Record<string, string> = {};
  for (const part of splitCsv(value)) {
    const eq = part.indexOf("=");
    const rawKey = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const key = MOUNT_ALIASES[rawKey] ?? rawKey;
    if (key) options[key] = eq < 0 ? "true" : part.slice(eq + 1).trim();
  }
  return {
    type: (options.type ?? "bind").toLowerCase(),
    from: options.from || null,
    source: options.source ?? null,
    target: options.target ?? null,
    id: options.id ?? null,
    options,
  };
}

function splitCsv(value: string): string[] {
  const parts: string[] = [];
  let part = "";
  let quote = "";
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = "";
      else part += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ",") {
      parts.push(part);
      part = "";
    } else part += ch;
  }
  parts.push(part);
  return parts.filter((p) => p.trim() !== "");
}
