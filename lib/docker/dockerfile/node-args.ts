// How BuildKit's parser turns one instruction's text into its argument list (moby/buildkit
// frontend/dockerfile/parser, line_parsers.go and split_command.go): which instructions take JSON,
// which split on whitespace, ENV/LABEL pairs, HEALTHCHECK's type word, ONBUILD's inner instruction.
// Every loop here is a single pass over its input; nothing recurses and no regex can backtrack.

/** The escape character a `# escape=` directive chooses (backslash by default). */
export type EscapeChar = "\\" | "`";

/** Go's unicode.IsSpace: what BuildKit trims around lines and splits ENV/ARG words on. */
export function isGoSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `[\t\v\f\r ]`: the only characters that separate the words of FROM, COPY, EXPOSE and the keyword. */
export const isTokenSpace = (ch: string | undefined) =>
  ch === " " || ch === "\t" || ch === "\v" || ch === "\f" || ch === "\r";

export function trimLeftGoSpace(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s[i])) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimGoSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isGoSpace(s[end - 1])) end--;
  return trimLeftGoSpace(end === s.length ? s : s.slice(0, end));
}

/** Go's regexp `[\t\v\f\r ]+` Split, with an optional limit like strings.SplitN. */
export function splitTokens(s: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < s.length && out.length < limit - 1) {
    if (!isTokenSpace(s[i])) {
      i++;
      continue;
    }
    out.push(s.slice(start, i));
    while (i < s.length && isTokenSpace(s[i])) i++;
    start = i;
  }
  out.push(s.slice(start));
  return out;
}

export type JsonScan = { kind: "strings"; values: string[] } | { kind: "not-strings" } | { kind: "invalid" };

/**
 * BuildKit's parseJSON: the text must start with `[` and hold one JSON value (Go's decoder ignores
 * what follows it). A valid array of strings is exec form; a valid array holding anything else is an
 * error ("arrays must be comprised of strings only"); anything else is shell form. Nesting is
 * tracked with a counter, never recursion.
 */
export function scanJsonArray(text: string): JsonScan {
  const s = trimLeftGoSpace(text);
  if (s[0] !== "[") return { kind: "invalid" };
  const stack: string[] = [];
  const values: string[] = [];
  let flat = true;
  let i = 0;
  // Expect a value (true) or a separator/close (false); objects alternate key and value.
  let wantValue = true;
  let afterComma = false;
  const skipWs = () => {
    while (i < s.length && (s[i] === " " || s[i] === "\t" || s[i] === "\n" || s[i] === "\r")) i++;
  };
  while (i < s.length) {
    skipWs();
    const ch = s[i];
    if (ch === undefined) break;
    const top = stack[stack.length - 1];
    if (wantValue) {
      if (ch === "]" && top === "[" && !afterComma) {
        stack.pop();
        i++;
        wantValue = false;
      } else if (ch === "}" && top === "{" && !afterComma) {
        stack.pop();
        i++;
        wantValue = false;
      } else if (ch === "[" || ch === "{") {
        if (stack.length > 0) flat = false;
        stack.push(ch);
        i++;
        afterComma = false;
        if (ch === "{") {
          // A key (a string) must come first, then ':'.
          skipWs();
          if (s[i] === "}") continue;
          const end = jsonStringEnd(s, i);
          if (end < 0) return { kind: "invalid" };
          i = end;
          skipWs();
          if (s[i] !== ":") return { kind: "invalid" };
          i++;
        }
        continue;
      } else {
        const end = ch === '"' ? jsonStringEnd(s, i) : jsonLiteralEnd(s, i);
        if (end < 0) return { kind: "invalid" };
        if (stack.length === 1 && ch === '"') values.push(JSON.parse(s.slice(i, end)) as string);
        else if (stack.length === 1) flat = false;
        i = end;
        wantValue = false;
      }
      afterComma = false;
    } else {
      if (ch === ",") {
        i++;
        wantValue = true;
        afterComma = true;
        if (top === "{") {
          skipWs();
          const end = jsonStringEnd(s, i);
          if (end < 0) return { kind: "invalid" };
          i = end;
          skipWs();
          if (s[i] !== ":") return { kind: "invalid" };
          i++;
          afterComma = false;
        }
        continue;
      }
      if ((ch === "]" && top === "[") || (ch === "}" && top === "{")) {
        stack.pop();
        i++;
      } else return { kind: "invalid" };
    }
    if (stack.length === 0) return flat ? { kind: "strings", values } : { kind: "not-strings" };
  }
  return { kind: "invalid" };
}

/** End index (exclusive) of the JSON string starting at `start`, or -1. */
function jsonStringEnd(s: string, start: number): number {
  if (s[start] !== '"') return -1;
  for (let i = start + 1; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '"') return i + 1;
    if (ch < " ") return -1;
    if (ch === "\\") {
      const next = s[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return -1;
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
      else return -1;
    }
  }
  return -1;
}

/** End of a JSON number, true, false or null starting at `start`, or -1. */
function jsonLiteralEnd(s: string, start: number): number {
  for (const word of ["true", "false", "null"]) if (s.startsWith(word, start)) return start + word.length;
  let i = start;
  if (s[i] === "-") i++;
  const digits = () => {
    const from = i;
    while (i < s.length && s[i] !== undefined && (s[i] as string) >= "0" && (s[i] as string) <= "9") i++;
    return i > from;
  };
  if (s[i] === "0") i++;
  else if (!digits()) return -1;
  if (s[i] === ".") {
    i++;
    if (!digits()) return -1;
  }
  if (s[i] === "e" || s[i] === "E") {
    i++;
    if (s[i] === "+" || s[i] === "-") i++;
    if (!digits()) return -1;
  }
  return i;
}

/**
 * BuildKit's parseWords: splits on Go whitespace outside quotes, keeping quotes and escapes in the
 * words (ENV, LABEL and ARG remove them later, when they expand variables).
 */
export function parseWords(rest: string, escapeChar: EscapeChar): string[] {
  const words: string[] = [];
  let phase: "spaces" | "word" | "quote" = "spaces";
  let word = "";
  let quote = "";
  let blankOK = false;
  const n = rest.length;
  for (let pos = 0; pos <= n; pos++) {
    let ch = rest[pos] as string;
    if (phase === "spaces") {
      if (pos === n) break;
      if (isGoSpace(ch)) continue;
      phase = "word";
    }
    if (pos === n) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === "word") {
      if (isGoSpace(ch)) {
        phase = "spaces";
        if (blankOK || word.length > 0) words.push(word);
        word = "";
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = "quote";
      }
      if (ch === escapeChar) {
        if (pos + 1 === n) continue;
        word += ch;
        pos++;
        ch = rest[pos] as string;
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = "word";
    if (ch === escapeChar && quote !== "'") {
      if (pos + 1 === n) {
        phase = "word";
        continue;
      }
      pos++;
      word += ch;
      ch = rest[pos] as string;
    }
    word += ch;
  }
  return words;
}

/** One instruction as BuildKit's parser node holds it. */
export interface NodeArgs {
  /** The argument list BuildKit's parser produces (its `Next` chain). */
  args: string[];
  /** True for exec (JSON) form. */
  json: boolean;
  /** ONBUILD's inner instruction. */
  sub: { keyword: string; flags: string[]; node: NodeArgs } | null;
  /** What BuildKit's parser refuses, e.g. ENV without a value. */
  error: string | null;
}

const empty = (): NodeArgs => ({ args: [], json: false, sub: null, error: null });

function maybeJson(rest: string, toList: boolean): NodeArgs {
  const scan = scanJsonArray(rest);
  if (scan.kind === "strings") return { ...empty(), args: scan.values, json: true };
  if (scan.kind === "not-strings") {
    return { ...empty(), error: "when using JSON array syntax, arrays must be comprised of strings only" };
  }
  if (rest === "") return empty();
  return { ...empty(), args: toList ? splitTokens(rest) : [rest] };
}

function nameVal(rest: string, keyword: string, escapeChar: EscapeChar): NodeArgs {
  const words = parseWords(rest, escapeChar);
  if (words.length === 0) return empty();
  const first = words[0] as string;
  if (!first.includes("=")) {
    const parts = splitTokens(rest, 2);
    if (parts.length < 2) return { ...empty(), error: `${keyword} must have two arguments` };
    return { ...empty(), args: parts };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf("=");
    if (eq < 0) {
      return {
        ...empty(),
        error: `Syntax error - can't find = in "${word}". Must be of the form: name=value`,
      };
    }
    args.push(word.slice(0, eq), word.slice(eq + 1));
  }
  return { ...empty(), args };
}

/** Splits a logical line into keyword, raw flag words and the rest, as BuildKit's splitCommand does. */
export function splitCommand(line: string): { keyword: string; flagWords: string[]; rest: string } {
  const [head = "", tail] = splitTokens(trimGoSpace(line), 2);
  if (tail === undefined) return { keyword: head, flagWords: [], rest: "" };
  const { flagWords, rest } = extractFlagWords(tail);
  return { keyword: head, flagWords, rest: trimGoSpace(rest) };
}

/**
 * BuildKit's extractBuilderFlags: `--name=value` words in front of the arguments; quotes group,
 * a backslash escapes the next character, a bare `--` ends the flags.
 */
export function extractFlagWords(line: string): { flagWords: string[]; rest: string } {
  const words: string[] = [];
  let phase: "spaces" | "word" | "quote" = "spaces";
  let word = "";
  let quote = "";
  let blankOK = false;
  const n = line.length;
  for (let pos = 0; pos <= n; pos++) {
    let ch = line[pos] as string;
    if (phase === "spaces") {
      if (pos === n) break;
      if (isGoSpace(ch)) continue;
      if (ch !== "-" || pos + 1 === n || line[pos + 1] !== "-")
        return { flagWords: words, rest: line.slice(pos) };
      phase = "word";
    }
    if (pos === n) {
      if (word !== "--" && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === "word") {
      if (isGoSpace(ch)) {
        phase = "spaces";
        if (word === "--") return { flagWords: words, rest: line.slice(pos) };
        if (blankOK || word.length > 0) words.push(word);
        word = "";
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = "quote";
        continue;
      }
      if (ch === "\\") {
        if (pos + 1 === n) continue;
        pos++;
        ch = line[pos] as string;
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = "word";
      continue;
    }
    if (ch === "\\") {
      if (pos + 1 === n) {
        phase = "word";
        continue;
      }
      pos++;
      ch = line[pos] as string;
    }
    word += ch;
  }
  return { flagWords: words, rest: "" };
}

/** The node arguments for one instruction (lower- or upper-case keyword) and its text after flags. */
export function nodeArgs(keyword: string, rest: string, escapeChar: EscapeChar): NodeArgs {
  switch (keyword.toLowerCase()) {
    case "add":
    case "copy":
    case "volume":
      return maybeJson(rest, true);
    case "cmd":
    case "entrypoint":
    case "run":
    case "shell":
      return maybeJson(rest, false);
    case "arg":
      return { ...empty(), args: parseWords(rest, escapeChar) };
    case "env":
      return nameVal(rest, "ENV", escapeChar);
    case "label":
      return nameVal(rest, "LABEL", escapeChar);
    case "expose":
    case "from":
      return rest === "" ? empty() : { ...empty(), args: splitTokens(rest) };
    case "maintainer":
    case "stopsignal":
    case "user":
    case "workdir":
      return rest === "" ? empty() : { ...empty(), args: [rest] };
    case "healthcheck": {
      let sep = 0;
      while (sep < rest.length && !isGoSpace(rest[sep])) sep++;
      let next = sep;
      while (next < rest.length && isGoSpace(rest[next])) next++;
      if (sep === 0) return empty();
      const cmd = maybeJson(rest.slice(next), false);
      return { ...cmd, args: [rest.slice(0, sep), ...cmd.args] };
    }
    case "onbuild": {
      if (rest === "") return empty();
      const inner = splitCommand(rest);
      // ONBUILD ONBUILD is refused by BuildKit later; one level is all we read.
      const node =
        inner.keyword.toLowerCase() === "onbuild"
          ? { ...empty(), error: "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed" }
          : nodeArgs(inner.keyword, inner.rest, escapeChar);
      return { ...empty(), sub: { keyword: inner.keyword, flags: inner.flagWords, node }, error: node.error };
    }
    default:
      // Unknown instructions keep one empty argument, as BuildKit's parseIgnore does.
      return { ...empty(), args: [""] };
  }
}

/** Go's strconv.Quote for the characters a Dockerfile holds. */
export function goQuote(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what Go escapes.
  if (!/["\\\x00-\x1f\x7f]/.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c >= 0x20 && c !== 0x7f) out += ch;
    else {
      const named: Record<number, string> = { 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r" };
      out += named[c] ? `\\${named[c]}` : `\\x${c.toString(16).padStart(2, "0")}`;
    }
  }
  return `${out}"`;
}

/** BuildKit's Node.Dump for one instruction, e.g. `(copy ["--from=build"] "/app" ".")`. */
export function dumpNode(keyword: string, flags: readonly string[], node: NodeArgs): string {
  let out = keyword.toLowerCase();
  if (flags.length > 0) out += ` [${flags.map(goQuote).join(" ")}]`;
  if (node.sub) out += ` ${dumpNode(node.sub.keyword, node.sub.flags, node.sub.node)}`;
  else for (const arg of node.args) out += ` ${goQuote(arg)}`;
  return `(${out})`;
}
