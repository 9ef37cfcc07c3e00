// `npm run content:check`: validates every course and lesson; names file:line:column for each problem.
// Usage: npm run content:check [-- --root <dir>] [-- --fix]
// --fix rewrites app/code-colours.css when the lessons' code colours changed (the one problem
// the checker can repair itself), then reports what is left.
import path from "node:path";
import { checkContent } from "../lib/content/check";
import { CODE_COLOURS_FILE } from "../lib/content/code-colours";
import { formatDiagnostic } from "../lib/content/diagnostics";
import { refreshCodeColours } from "./lib/code-colours";

const rootFlag = process.argv.indexOf("--root");
const root = rootFlag > 0 ? path.resolve(process.argv[rootFlag + 1] ?? "") : undefined;
const tty = process.stdout.isTTY;
const t0 = performance.now();
console.log(`Checking ${root ? path.relative(process.cwd(), root) : "content/courses"}…`);

const report = await checkContent({
  root,
  onProgress: ({ index, total, file, ms, errors }) => {
    const line = `  [${index}/${total}] ${file} ${errors ? `✖ ${errors} error(s)` : "✔"} ${Math.round(ms)} ms`;
    if (tty && !errors) process.stdout.write(`${line}\r\x1b[K`);
    else console.log(line);
  },
});

if (process.argv.includes("--fix")) {
  const colours = path.relative(process.cwd(), CODE_COLOURS_FILE);
  const fixed = root ? null : await refreshCodeColours(report);
  if (fixed?.status === "written" || fixed?.status === "current") {
    report.diagnostics = report.diagnostics.filter((d) => d.rule !== "code-colours");
    console.log(
      `✔ ${colours}: ${fixed.status === "written" ? "rewritten" : "already current"} (${fixed.classes} token classes)`,
    );
  } else if (fixed) console.log(`! ${colours} not rewritten: fix the errors below first`);
  else console.log(`! --fix with --root leaves ${colours} alone (it belongs to content/courses)`);
}

const errors = report.diagnostics.filter((d) => d.severity === "error");
const warnings = report.diagnostics.filter((d) => d.severity === "warning");
for (const d of report.diagnostics) console.log(formatDiagnostic(d));
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `\n${errors.length ? "✖" : "✔"} ${report.courses} course(s), ${report.lessons} lesson(s): ${errors.length} error(s), ${warnings.length} warning(s) in ${seconds} s`,
);
process.exit(errors.length ? 1 : 0);
