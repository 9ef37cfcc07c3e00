// Variable substitution in one word, as BuildKit's shell lexer (frontend/dockerfile/shell/lex.go)
// does for FROM, ARG defaults, USER and the like: $VAR, ${VAR}, ${VAR:-w}, ${VAR-w}, ${VAR:+w},
// ${VAR+w}, ${VAR:?msg}, ${VAR?msg}, ${VAR#pat}, ${VAR##pat}, ${VAR%pat}, ${VAR%%pat},
// ${VAR/pat/repl}, ${VAR//pat/repl}; single quotes (literal), double quotes (expanding) and the
// escape character.
//
// BuildKit's lexer recurses for every nested ${…}; this one keeps an explicit stack of open
// braces and quotes, so `${a:-${a:-…}}` nested 100,000 deep costs a loop, not 100,000 stack frames.
// Patterns (`*`, `?`) are matched by placing their literal segments in order, never with a
// backtracking regex; all matching in one analysis shares a step budget, so a pathological pattern
// makes its expansion "unknown" instead of stalling the page.

/** Returns the variable's value, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export interface Expansion {
  value: string;
  /** Variables that were referenced but not set (BuildKit expands them to ""). */
  unset: string[];
  /** What BuildKit's lexer refuses (`${VAR:?message}` with VAR unset, `${`, …); value is "" then. */
  error: string | null;
}

/** Steps of pattern matching left for one analysis. */
export class MatchBudget {
  constructor(public left = 4_000_000) {}
}

type Frame =
  | { kind: "top"; out: string[] }
  | { kind: "dquote"; out: string[] }
  | {
      kind: "modifier";
      out: string[];
      name: string;
      op: string;
      nullIsUnset: boolean;
      raw: boolean;
    }
  | ReplaceFrame;

interface ReplaceFrame {
  kind: "pattern" | "replacement";
  out: string[];
  name: string;
  replaceAll: boolean;
  pattern: string;
}

class ExpandError extends Error {}

const SPECIAL_PARAMS = new Set(["@", "*", "#", "?", "-", "$", "!", "0"]);
const NAME_CHAR = /[\p{L}\p{Nd}_]/u;
const DIGIT = /\p{Nd}/u;

/** Expands variables and removes quotes in one word, as BuildKit's ProcessWord does. */
export function expandWord(
  word: string,
  lookup: Lookup,
  escapeChar: string = "\\",
  budget: MatchBudget = new MatchBudget(),
): Expansion {
  const unset: string[] = [];
  // Most words (image names, plain values) have nothing to expand or unquote.
  if (!/[$'"]/.test(word) && !word.includes(escapeChar)) return { value: word, unset, error: null };
  try {
    return { value: run(word, lookup, escapeChar, unset, budget), unset, error: null };
  } catch (error) {
    if (error instanceof ExpandError) return { value: "", unset, error: error.message };
    throw error;
  }
}

function run(text: string, lookup: Lookup, esc: string, unset: string[], budget: MatchBudget): string {
  const stack: Frame[] = [{ kind: "top", out: [] }];
  const n = text.length;
  let i = 0;
  const get = (name: string, record: boolean): string | undefined => {
    const value = lookup(name);
    if (value === undefined && record) unset.push(name);
    return value;
  };
  const readName = (): string => {
    const ch = text[i];
    if (ch === undefined) return "";
    if (DIGIT.test(ch)) {
      const start = i;
      while (i < n && DIGIT.test(text[i] as string)) i++;
      return text.slice(start, i);
    }
    if (SPECIAL_PARAMS.has(ch)) {
      i++;
      return ch;
    }
    const start = i;
    while (i < n && NAME_CHAR.test(text[i] as string)) i++;
    return text.slice(start, i);
  };
  // `$` at text[i]: either appends a value to `frame` or opens a new frame.
  const dollar = (frame: Frame) => {
    i++;
    if (text[i] !== "{") {
      const name = readName();
      frame.out.push(name === "" ? "$" : (get(name, true) ?? ""));
      return;
    }
    i++;
    const first = text[i];
    if (first === undefined) throw new ExpandError("syntax error: missing '}'");
    if (first === "{" || first === "}" || first === ":")
      throw new ExpandError("syntax error: bad substitution");
    const name = readName();
    let op = text[i] ?? "";
    i++;
    if (op === "}") {
      frame.out.push(get(name, true) ?? "");
      return;
    }
    let nullIsUnset = false;
    if (op === ":") {
      nullIsUnset = true;
      op = text[i] ?? "";
      i++;
      if (!"+-?#%".includes(op) || op === "") {
        // BuildKit reads the word up to `}` first, then refuses the modifier.
        stack.push({ kind: "modifier", out: [], name, op: `:${op}`, nullIsUnset, raw: false });
        return;
      }
    }
    if (op !== "" && "+-?#%".includes(op)) {
      stack.push({ kind: "modifier", out: [], name, op, nullIsUnset, raw: op === "#" || op === "%" });
      return;
    }
    if (op === "/") {
      const replaceAll = text[i] === "/";
      if (replaceAll) i++;
      stack.push({ kind: "pattern", out: [], name, replaceAll, pattern: "" });
      return;
    }
    throw new ExpandError(`unsupported modifier (${op}) in substitution`);
  };

  for (;;) {
    const frame = stack[stack.length - 1] as Frame;
    const ch = text[i];
    if (frame.kind === "dquote") {
      if (ch === undefined)
        throw new ExpandError("unexpected end of statement while looking for matching double-quote");
      if (ch === '"') {
        i++;
        stack.pop();
        (stack[stack.length - 1] as Frame).out.push(frame.out.join(""));
      } else if (ch === "$") dollar(frame);
      else {
        i++;
        if (ch === esc) {
          const next = text[i];
          if (next === undefined) continue;
          if (next === '"' || next === "$" || next === esc) {
            frame.out.push(next);
            i++;
            continue;
          }
        }
        frame.out.push(ch);
      }
      continue;
    }
    const stop = frame.kind === "top" ? undefined : frame.kind === "pattern" ? "/" : "}";
    if (ch === undefined) {
      if (stop === undefined) return frame.out.join("");
      throw new ExpandError(
        stop === "/" ? "syntax error: missing '/' in $" + "{}" : "syntax error: missing '}'",
      );
    }
    if (ch === stop) {
      i++;
      stack.pop();
      const parent = stack[stack.length - 1] as Frame;
      if (frame.kind === "pattern") {
        stack.push({ ...frame, kind: "replacement", pattern: frame.out.join(""), out: [] });
      } else if (frame.kind === "modifier") parent.out.push(applyModifier(frame, get, budget));
      else if (frame.kind === "replacement") parent.out.push(applyReplacement(frame, get, budget));
      continue;
    }
    if (ch === "$") {
      dollar(frame);
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0)
        throw new ExpandError("unexpected end of statement while looking for matching single-quote");
      frame.out.push(text.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      stack.push({ kind: "dquote", out: [] });
      continue;
    }
    i++;
    const raw =
      frame.kind === "pattern" || frame.kind === "replacement" || (frame.kind === "modifier" && frame.raw);
    if (ch === esc) {
      if (raw) frame.out.push(ch);
      const next = text[i];
      if (next === undefined) {
        if (stop === undefined) return frame.out.join("");
        throw new ExpandError("syntax error: missing '}'");
      }
      frame.out.push(next);
      i++;
    } else frame.out.push(ch);
  }
}

function applyModifier(
  frame: Extract<Frame, { kind: "modifier" }>,
  get: (name: string, record: boolean) => string | undefined,
  budget: MatchBudget,
): string {
  let word = frame.out.join("");
  const { name, op, nullIsUnset } = frame;
  const usesDefault = op === "-" || op === "+";
  const value = get(name, !usesDefault && op !== "?");
  const set = value !== undefined;
  const empty = !set || (nullIsUnset && value === "");
  switch (op) {
    case "-":
      return empty ? word : (value as string);
    case "+":
      return empty ? "" : word;
    case "?":
      if (!set) throw new ExpandError(`${name}: ${word || "is not allowed to be unset"}`);
      if (nullIsUnset && value === "")
        throw new ExpandError(`${name}: ${word || "is not allowed to be empty"}`);
      return value;
    case "#":
    case "%": {
      const greedy = word.startsWith(op);
      if (greedy) word = word.slice(1);
      const tokens = patternTokens(word);
      const chars = Array.from(value ?? "");
      if (op === "#") {
        const end = matchPrefix(tokens, chars, greedy, budget);
        return end < 0 ? (value ?? "") : chars.slice(end).join("");
      }
      chars.reverse();
      const end = matchPrefix(tokens.reverse(), chars, greedy, budget);
      return (end < 0 ? chars : chars.slice(end)).reverse().join("");
    }
    default:
      throw new ExpandError(`unsupported modifier (${op}) in substitution`);
  }
}

function applyReplacement(
  frame: ReplaceFrame,
  get: (name: string, record: boolean) => string | undefined,
  budget: MatchBudget,
): string {
  const value = get(frame.name, true) ?? "";
  const tokens = patternTokens(frame.pattern);
  const chars = Array.from(value);
  const replacement = frame.out.join("");
  const out: string[] = [];
  let start = 0;
  while (start <= chars.length) {
    const found = findMatch(tokens, chars, start, budget);
    if (!found) break;
    out.push(chars.slice(start, found[0]).join(""), replacement);
    // An empty match still moves on, as Go's ReplaceAllString does.
    if (found[1] === found[0]) {
      if (found[0] < chars.length) out.push(chars[found[0]] as string);
      start = found[0] + 1;
    } else start = found[1];
    if (!frame.replaceAll) break;
  }
  if (start <= chars.length) out.push(chars.slice(start).join(""));
  return out.join("");
}

/** One pattern item: a literal character, `?` (any one character) or `*` (any run). */
type Token = { any: true } | { star: true } | { char: string };

/** BuildKit's convertShellPatternToRegex, as tokens: `\` escapes `*`, `?` and `\`; `\}`, `\/` are literal. */
function patternTokens(pattern: string): Token[] {
  const chars = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === "*") tokens.push({ star: true });
    else if (ch === "?") tokens.push({ any: true });
    else if (ch === "\\") {
      const next = chars[i + 1];
      if (next === "}" || next === "/") continue;
      if (next !== "*" && next !== "?" && next !== "\\") {
        throw new ExpandError(
          `invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ""}'`,
        );
      }
      tokens.push({ char: next });
      i++;
    } else tokens.push({ char: ch });
  }
  return tokens;
}

/** Splits tokens at each `*` into segments of literal/`?` items. */
function segments(tokens: Token[]): Token[][] {
  const segs: Token[][] = [[]];
  for (const token of tokens) {
    if ("star" in token) segs.push([]);
    else (segs[segs.length - 1] as Token[]).push(token);
  }
  return segs;
}

function segmentAt(seg: Token[], chars: string[], pos: number, budget: MatchBudget): boolean {
  if (pos + seg.length > chars.length) return false;
  for (let k = 0; k < seg.length; k++) {
    if (--budget.left < 0) throw new ExpandError("pattern too costly to evaluate here");
    const token = seg[k] as Token;
    if ("char" in token && token.char !== chars[pos + k]) return false;
  }
  return true;
}

function findSegment(
  seg: Token[],
  chars: string[],
  from: number,
  last: boolean,
  budget: MatchBudget,
): number {
  if (last) {
    for (let p = chars.length - seg.length; p >= from; p--) if (segmentAt(seg, chars, p, budget)) return p;
    return -1;
  }
  for (let p = from; p + seg.length <= chars.length; p++) if (segmentAt(seg, chars, p, budget)) return p;
  return -1;
}

/**
 * End of the shortest (or, greedy, longest) prefix of `chars` the pattern matches, or -1. Placing
 * each middle segment as early as possible leaves the most room, so it decides whether there is a
 * match at all; the last segment then goes as early (shortest) or as late (longest) as it can.
 */
function matchPrefix(
  tokens: Token[],
  chars: string[],
  greedy: boolean,
  budget: MatchBudget,
  offset = 0,
): number {
  const segs = segments(tokens);
  const first = segs[0] as Token[];
  if (!segmentAt(first, chars, offset, budget)) return -1;
  if (segs.length === 1) return offset + first.length;
  let pos = offset + first.length;
  for (let s = 1; s < segs.length - 1; s++) {
    const seg = segs[s] as Token[];
    const at = findSegment(seg, chars, pos, false, budget);
    if (at < 0) return -1;
    pos = at + seg.length;
  }
  const last = segs[segs.length - 1] as Token[];
  if (last.length === 0) return greedy ? chars.length : pos;
  const at = findSegment(last, chars, pos, greedy, budget);
  return at < 0 ? -1 : at + last.length;
}

/** Leftmost match of the pattern at or after `from`, longest there (Go's greedy `.*`). */
function findMatch(
  tokens: Token[],
  chars: string[],
  from: number,
  budget: MatchBudget,
): [number, number] | null {
  const segs = segments(tokens);
  const first = segs[0] as Token[];
  for (let start = from; start <= chars.length; start++) {
    // Without a leading literal the leftmost start is `from` itself.
    if (first.length > 0) {
      const at = findSegment(first, chars, start, false, budget);
      if (at < 0) return null;
      start = at;
    }
    const end = matchPrefix(tokens, chars, true, budget, start);
    if (end >= 0) return [start, end];
    if (first.length === 0) {
      // A match that starts with `*` or `?` fails at every later start too once it fails here,
      // except for `?`-led patterns, which need one more character: try the next start.
      if (tokens[0] && "star" in tokens[0]) return null;
    }
  }
  return null;
}
