import { readFileSync, writeFileSync } from "node:fs";
import type { CheckReport } from "../../lib/content/check";
import { CODE_COLOURS_FILE, codeColoursCss } from "../../lib/content/code-colours";
import type { Diagnostic } from "../../lib/content/diagnostics";
import { plainCodeColours } from "../../lib/content/highlight";

export type ColoursRefresh =
  | { status: "current" | "written"; classes: number }
  /** Some lesson did not compile: its colours are unknown, so the file is left as it is. */
  | { status: "blocked"; errors: Diagnostic[] };

/**
 * Brings app/code-colours.css in line with the colours a content check found (what
 * `npm run build`, `content:check --fix` and `content:colours` share). Writes only when the
 * text differs, so an unchanged file keeps its build fingerprint.
 */
export async function refreshCodeColours(
  report: CheckReport,
  file = CODE_COLOURS_FILE,
): Promise<ColoursRefresh> {
  const errors = report.diagnostics.filter((d) => d.severity === "error" && d.rule !== "code-colours");
  if (errors.length) return { status: "blocked", errors };
  const css = codeColoursCss(await plainCodeColours(), report.codeColours);
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    // No stylesheet yet: write it.
  }
  if (current === css) return { status: "current", classes: report.codeColours.length };
  writeFileSync(file, css);
  return { status: "written", classes: report.codeColours.length };
}
