// .dockerignore as BuildKit reads it (moby/patternmatcher, via the dockerignore reader): one
// pattern a line, `#` comments and blank lines skipped, a leading `!` re-includes, each pattern
// cleaned and made relative; a path is excluded when the LAST pattern that matches it (or one of
// its parent directories) is not a `!` exception.

import { cleanPath, compileGlob, type Glob, type GlobBudget, globMatches } from "./glob";

export interface IgnoreRule {
  /** 1-based line in the .dockerignore. */
  line: number;
  /** The line as written (trimmed). */
  text: string;
  exception: boolean;
  glob: Glob;
}

/** Parses .dockerignore text into rules, in file order. */
export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const exception = line.startsWith("!");
    const pattern = cleanPath(exception ? line.slice(1).trim() : line);
    if (pattern === "") return;
    rules.push({ line: i + 1, text: line, exception, glob: compileGlob(pattern, true) });
  });
  return rules;
}

export interface IgnoreVerdict {
  excluded: boolean;
  /** The rule that decided (the last one matching), or null when none matched. */
  rule: IgnoreRule | null;
}

/** Whether a context path is kept out of the build context, and by which line. */
export function ignoreVerdict(rules: readonly IgnoreRule[], path: string, budget: GlobBudget): IgnoreVerdict {
  const clean = cleanPath(path);
  let verdict: IgnoreVerdict = { excluded: false, rule: null };
  for (const rule of rules) {
    if (globMatches(rule.glob, clean, true, budget)) verdict = { excluded: !rule.exception, rule };
  }
  return verdict;
}
