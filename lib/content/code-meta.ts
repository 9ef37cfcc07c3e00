import { SHELL_LANGUAGES } from "./languages";

/** What a fence's meta string asks for: ```lang title="…" {1,3-5} ins={2} del={4} showLineNumbers */
export type CodeMeta = {
  title?: string;
  highlight: Set<number>;
  ins: Set<number>;
  del: Set<number>;
  lineNumbers?: boolean;
  /** A deliberately bad example: labelled as such, and exempt from the course's Dockerfile check. */
  antipattern: boolean;
  /** A fragment of a larger file (e.g. a few Dockerfile lines without FROM): not analysed. */
  excerpt: boolean;
  /** Meta words that were not understood, for the checker to report. */
  unknown: string[];
};

function parseRanges(spec: string): Set<number> | null {
  const lines = new Set<number>();
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to < from || to - from > 10_000) return null;
    for (let n = from; n <= to; n++) lines.add(n);
  }
  return lines;
}

/** Parses a fence's meta string. */
export function parseCodeMeta(meta: string | null | undefined): CodeMeta {
  const result: CodeMeta = {
    highlight: new Set(),
    ins: new Set(),
    del: new Set(),
    antipattern: false,
    excerpt: false,
    unknown: [],
  };
  const pattern = /(\w+)=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})|\{([^}]*)\}|(\S+)/g;
  for (const m of (meta ?? "").matchAll(pattern)) {
    const [whole, key, dq, sq, braces, bare, word] = m;
    if (key) {
      const value = dq ?? sq ?? braces ?? "";
      if (key === "title" && (dq !== undefined || sq !== undefined)) result.title = value;
      else if ((key === "ins" || key === "del" || key === "mark") && braces !== undefined) {
        const set = parseRanges(value);
        if (!set) result.unknown.push(whole);
        else for (const n of set) result[key === "mark" ? "highlight" : key].add(n);
      } else result.unknown.push(whole);
    } else if (bare !== undefined) {
      const set = parseRanges(bare);
      if (!set) result.unknown.push(whole);
      else for (const n of set) result.highlight.add(n);
    } else if (word === "showLineNumbers") result.lineNumbers = true;
    else if (word === "noLineNumbers") result.lineNumbers = false;
    else if (word === "antipattern") result.antipattern = true;
    else if (word === "excerpt") result.excerpt = true;
    else if (word) result.unknown.push(word);
  }
  return result;
}

/** One displayed line of a code block and what the copy button does with it. */
export type CodeLine = {
  /** The text shown after any prompt. */
  text: string;
  /** A shell prompt shown before the command but never copied. */
  prompt: string | null;
  kind: "code" | "command" | "output";
};

const PROMPT = /^(\$ )/;

/**
 * Splits a block into lines. In shell-family blocks that contain `$ ` prompts, prompt lines
 * (and their `\` continuations) are commands and every other line is output.
 */
export function classifyLines(code: string, lang: string): CodeLine[] {
  const raw = code.replace(/\n$/, "").split("\n");
  const isSession = SHELL_LANGUAGES.has(lang) && raw.some((line) => PROMPT.test(line));
  if (!isSession) return raw.map((text) => ({ text, prompt: null, kind: "code" }));
  let continuing = false;
  return raw.map((line): CodeLine => {
    const m = PROMPT.exec(line);
    if (m) {
      const text = line.slice(m[1]!.length);
      continuing = /\\$/.test(text);
      return { text, prompt: m[1]!, kind: "command" };
    }
    if (continuing) {
      continuing = /\\$/.test(line);
      return { text: line, prompt: null, kind: "command" };
    }
    return { text: line, prompt: null, kind: "output" };
  });
}

/** Whether line numbers show: forced by meta, else on for multi-line files, off for sessions. */
export function showsLineNumbers(lines: CodeLine[], meta: CodeMeta): boolean {
  if (meta.lineNumbers !== undefined) return meta.lineNumbers;
  if (lines.some((l) => l.kind !== "code")) return false;
  return lines.length > 1;
}

/** Exactly what the copy button copies: no prompts, no output, no removed lines. */
export function copyText(code: string, lang: string, meta: CodeMeta): string {
  return classifyLines(code, lang)
    .filter((line, i) => line.kind !== "output" && !meta.del.has(i + 1))
    .map((line) => line.text)
    .join("\n");
}
