// `npm run content:colours`: writes app/code-colours.css, one class per token colour that the
// lessons' highlighted code uses (see lib/content/code-colours.ts). Run it when content:check
// says the stylesheet is stale, and commit the file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { checkContent } from "../lib/content/check";
import { CODE_COLOURS_FILE, codeColoursCss } from "../lib/content/code-colours";
import { formatDiagnostic } from "../lib/content/diagnostics";
import { plainCodeColours } from "../lib/content/highlight";

const report = await checkContent();
// Stale colours are what this script fixes; any other error means some lesson's colours are unknown.
const errors = report.diagnostics.filter((d) => d.severity === "error" && d.rule !== "code-colours");
if (errors.length) {
  for (const d of errors) console.log(formatDiagnostic(d));
  console.error("✖ Fix these errors first: a lesson that does not compile contributes no colours");
  process.exit(1);
}
writeFileSync(CODE_COLOURS_FILE, codeColoursCss(await plainCodeColours(), report.codeColours));
console.log(
  `✔ ${path.relative(process.cwd(), CODE_COLOURS_FILE)}: ${report.codeColours.length} token classes from ${report.lessons} lessons`,
);
