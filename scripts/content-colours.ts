// `npm run content:colours`: writes app/code-colours.css, one class per token colour that the
// lessons' highlighted code uses (see lib/content/code-colours.ts). `npm run build` and
// `npm run content:check -- --fix` do the same, so authors rarely need this on its own.
import path from "node:path";
import { checkContent } from "../lib/content/check";
import { CODE_COLOURS_FILE } from "../lib/content/code-colours";
import { formatDiagnostic } from "../lib/content/diagnostics";
import { refreshCodeColours } from "./lib/code-colours";

const report = await checkContent();
const result = await refreshCodeColours(report);
if (result.status === "blocked") {
  for (const d of result.errors) console.log(formatDiagnostic(d));
  console.error("✖ Fix these errors first: a lesson that does not compile contributes no colours");
  process.exit(1);
}
console.log(
  `✔ ${path.relative(process.cwd(), CODE_COLOURS_FILE)}: ${result.classes} token classes from ${report.lessons} lessons (${result.status === "written" ? "rewritten" : "already current"})`,
);
