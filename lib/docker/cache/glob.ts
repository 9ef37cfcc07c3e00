// Path patterns as the build context knows them: .dockerignore lines (moby's patternmatcher: `*`,
// `?`, `[a-z]`, `\` escapes, `**` for any number of directories) and COPY sources (Go's
// filepath.Match, the same without `**`). Matched by simulating the pattern as a small automaton
// over the path, one character at a time: no regex, so no pattern can make matching backtrack, and
// a shared step budget bounds the whole view.

type Token =
  | { kind: "char"; ch: string }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "globstar" }
  | { kind: "dirs" }
  | { kind: "class"; negate: boolean; ranges: [string, string][] };

/** Steps of matching left for one cache view; a pattern past it is reported, not evaluated. */
export class GlobBudget {
  constructor(public left = 2_000_000) {}
}

export class GlobTooCostly extends Error {}

export interface Glob {
  tokens: Token[];
  /** False when the pattern has no wildcard (a plain path, compared directly). */
  wild: boolean;
  text: string;
}

/** Compiles a pattern; `globstar` enables moby's `**` (any run of directories). */
export function compileGlob(pattern: string, globstar: boolean): Glob {
  const chars = Array.from(pattern);
  const tokens: Token[] = [];
  let wild = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === "*") {
      wild = true;
      if (globstar && chars[i + 1] === "*") {
        i++;
        // `**/` is "zero or more directories"; `**` at the end (or mid-word) is anything.
        if (chars[i + 1] === "/") {
          i++;
          tokens.push({ kind: "dirs" });
        } else tokens.push({ kind: "globstar" });
      } else tokens.push({ kind: "star" });
    } else if (ch === "?") {
      wild = true;
      tokens.push({ kind: "any" });
    } else if (ch === "\\" && i + 1 < chars.length) {
      tokens.push({ kind: "char", ch: chars[++i] as string });
    } else if (ch === "[") {
      const close = chars.indexOf("]", i + 2);
      if (close < 0) {
        tokens.push({ kind: "char", ch });
        continue;
      }
      wild = true;
      let j = i + 1;
      const negate = chars[j] === "^" || chars[j] === "!";
      if (negate) j++;
      const ranges: [string, string][] = [];
      for (; j < close; j++) {
        const lo = chars[j] as string;
        if (chars[j + 1] === "-" && j + 2 < close) {
          ranges.push([lo, chars[j + 2] as string]);
          j += 2;
        } else ranges.push([lo, lo]);
      }
      tokens.push({ kind: "class", negate, ranges });
      i = close;
    } else tokens.push({ kind: "char", ch });
  }
  return { tokens, wild, text: pattern };
}

function consumes(token: Token, ch: string): boolean {
  switch (token.kind) {
    case "char":
      return token.ch === ch;
    case "any":
      return ch !== "/";
    case "class": {
      if (ch === "/") return false;
      const inside = token.ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
      return inside !== token.negate;
    }
    default:
      return false;
  }
}

/**
 * Whether the pattern matches the whole path, or (with `parents`) any of its parent directories,
 * as a .dockerignore line excludes everything under a directory it matches.
 */
export function globMatches(glob: Glob, path: string, parents: boolean, budget: GlobBudget): boolean {
  if (!glob.wild) {
    return path === glob.text || (parents && path.startsWith(`${glob.text}/`));
  }
  const { tokens } = glob;
  const m = tokens.length;
  // active[k]: the pattern up to token k is matched. inside[k]: part way through a `**/` (token k),
  // which can only end after a `/`.
  let active = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  let inside = new Uint8Array(m + 1);
  let insideNext = new Uint8Array(m + 1);
  const close = (set: Uint8Array) => {
    for (let k = 0; k < m; k++) {
      const kind = (tokens[k] as Token).kind;
      if (set[k] && (kind === "star" || kind === "globstar" || kind === "dirs")) set[k + 1] = 1;
    }
  };
  active[0] = 1;
  close(active);
  const chars = Array.from(path);
  for (let c = 0; c < chars.length; c++) {
    const ch = chars[c] as string;
    if (parents && ch === "/" && active[m]) return true;
    next.fill(0);
    insideNext.fill(0);
    let any = false;
    for (let k = 0; k <= m; k++) {
      if (!active[k] && !inside[k]) continue;
      budget.left -= 1;
      if (budget.left < 0) throw new GlobTooCostly(glob.text);
      const token = tokens[k];
      if (!token) continue;
      if (token.kind === "dirs") {
        insideNext[k] = 1;
        if (ch === "/") next[k + 1] = 1;
        any = true;
        continue;
      }
      if (!active[k]) continue;
      if (token.kind === "star") {
        if (ch !== "/") {
          next[k] = 1;
          any = true;
        }
      } else if (token.kind === "globstar") {
        next[k] = 1;
        any = true;
      } else if (consumes(token, ch)) {
        next[k + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    [active, next] = [next, active];
    [inside, insideNext] = [insideNext, inside];
  }
  return active[m] === 1;
}

/** A context-relative path as BuildKit compares it: no leading `./` or `/`, `.` segments dropped. */
export function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.trim().replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}
