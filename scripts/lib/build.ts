import path from "node:path";
import { checkContent } from "../../lib/content/check";
import { CODE_COLOURS_FILE } from "../../lib/content/code-colours";
import { formatDiagnostic } from "../../lib/content/diagnostics";
import { compileContentManifest, writeContentManifest } from "../../lib/content/manifest";
import { refreshCodeColours } from "./code-colours";
import { buildIsCurrent, markBuilt, sourceFingerprint } from "./fingerprint";
import { run, since } from "./run";

/**
 * Builds the production app unless .next already holds a build of the current sources. First
 * brings app/code-colours.css in line with the lessons, so a new lesson's code is coloured
 * without anyone remembering `npm run content:colours`.
 */
export async function buildIfNeeded({ force = false } = {}): Promise<"built" | "current"> {
  if (!force && buildIsCurrent()) return "current";
  const t0 = performance.now();
  await refreshColoursForBuild();
  const fingerprint = sourceFingerprint();
  // The lessons first, as production sees them (no drafts): every problem with its
  // file:line:column, before minutes of `next build`. The pages compile them the same way.
  Object.assign(process.env, { NODE_ENV: "production" });
  console.log("▶ Compiling the lessons…");
  const manifest = await compileContentManifest();
  console.log("▶ Building the production app (next build)…");
  const result = await run("next", ["build"], { env: { NODE_ENV: "production" } });
  if (result.code !== 0) throw new Error("next build failed (see the output above)");
  writeContentManifest(manifest);
  const quizzes = manifest.lessons.reduce((n, l) => n + l.quizzes.length, 0);
  const exercises = manifest.lessons.reduce((n, l) => n + l.exercises.length, 0);
  console.log(
    `✔ Content manifest: ${manifest.lessons.length} lessons, ${quizzes} quizzes, ${exercises} exercises`,
  );
  markBuilt(fingerprint);
  console.log(`✔ Built in ${since(t0)}`);
  return "built";
}

async function refreshColoursForBuild() {
  const t0 = performance.now();
  const result = await refreshCodeColours(await checkContent());
  const file = path.relative(process.cwd(), CODE_COLOURS_FILE);
  if (result.status === "blocked") {
    for (const d of result.errors) console.log(formatDiagnostic(d));
    throw new Error("The lessons have errors (above); fix them, then build again");
  }
  console.log(`✔ ${file}: ${result.status === "written" ? "rewritten" : "current"} (${since(t0)})`);
}
