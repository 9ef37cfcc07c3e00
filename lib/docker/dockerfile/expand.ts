// Variable substitution in one word, as BuildKit's shell lexer does for FROM, USER and the like:
// $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}, ${VAR+alt}, ${VAR:?msg}, ${VAR?msg},
// single quotes (literal), double quotes (expanding) and the escape character. Pattern operators
// (${VAR#x}, ${VAR%x}, ${VAR/x/y}) are rare in Dockerfiles; they expand to the plain value here.

/** Returns the variable's value, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export interface Expansion {
  value: string;
  /** Variables that were referenced but not set (BuildKit expands them to ""). */
  unset: string[];
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/** Expands variables and removes quotes in one word. */
export function expandWord(word: string, lookup: Lookup, escapeChar: string = "\\"): Expansion {
  const unset: string[] = [];
  const value = expand(word, lookup, escapeChar, unset, false);
  return { value, unset };
}

function expand(
  text: string,
  lookup: Lookup,
  escapeChar: string,
  unset: string[],
  inDefault: boolean,
): string {
  let out = "";
  let i = 0;
  let dquote = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (ch === escapeChar && i + 1 < n) {
      out += text[i + 1];
      i += 2;
    } else if (ch === "'" && !dquote && !inDefault) {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      out += text.slice(i + 1, stop);
      i = stop + 1;
    } else if (ch === '"' && !inDefault) {
      dquote = !dquote;
      i++;
    } else if (ch === "$") {
      const [expanded, next] = dollar(text, i, lookup, escapeChar, unset);
      out += expanded;
      i = next;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Expands the `$…` starting at `start`; returns the text and the index after it. */
function dollar(
  text: string,
  start: number,
  lookup: Lookup,
  escapeChar: string,
  unset: string[],
): [string, number] {
  const next = text[start + 1];
  if (next === "{") {
    const close = matchingBrace(text, start + 2);
    if (close < 0) return [text.slice(start), text.length];
    const inner = text.slice(start + 2, close);
    const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9]+/.exec(inner);
    const name = nameMatch ? nameMatch[0] : "";
    const rest = inner.slice(name.length);
    const value = name ? lookup(name) : undefined;
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== "";
    const word = (from: number) => expand(rest.slice(from), lookup, escapeChar, unset, true);
    let result: string;
    if (rest === "") result = value ?? "";
    else if (rest.startsWith(":-")) result = nonEmpty ? (value as string) : word(2);
    else if (rest.startsWith("-")) result = isSet ? (value as string) : word(1);
    else if (rest.startsWith(":+")) result = nonEmpty ? word(2) : "";
    else if (rest.startsWith("+")) result = isSet ? word(1) : "";
    else if (rest.startsWith(":?") || rest.startsWith("?")) result = value ?? "";
    else result = value ?? "";
    const usesDefault = /^:?[-+]/.test(rest);
    if (!isSet && name && !usesDefault) unset.push(name);
    return [result, close + 1];
  }
  if (next !== undefined && NAME_CHAR.test(next)) {
    let end = start + 1;
    while (end < text.length && NAME_CHAR.test(text[end] as string)) end++;
    const name = text.slice(start + 1, end);
    const value = lookup(name);
    if (value === undefined) unset.push(name);
    return [value ?? "", end];
  }
  return ["$", start + 1];
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}
