/** A problem found in content, located precisely enough for an editor to jump to it. */
export type Diagnostic = {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  rule: string;
  message: string;
  /** What the author should do about it. */
  hint?: string;
};

/** Formats a diagnostic as `file:line:column  error  message (hint)` for terminals and logs. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}${d.hint ? `\n    → ${d.hint}` : ""}  [${d.rule}]`;
}

/** Thrown by pages and the build when a lesson cannot be compiled. */
export class ContentError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(`Invalid content:\n${diagnostics.map(formatDiagnostic).join("\n")}`);
    this.name = "ContentError";
  }
}

/** Converts a character offset in `text` to a 1-based line and column. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
