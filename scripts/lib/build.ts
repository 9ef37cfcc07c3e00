import { compileContentManifest, writeContentManifest } from "../../lib/content/manifest";
import { buildIsCurrent, markBuilt, sourceFingerprint } from "./fingerprint";
import { run, since } from "./run";

/** Builds the production app unless .next already holds a build of the current sources. */
export async function buildIfNeeded({ force = false } = {}): Promise<"built" | "current"> {
  if (!force && buildIsCurrent()) return "current";
  const fingerprint = sourceFingerprint();
  const t0 = performance.now();
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
  console.log(`✔ Content manifest: ${manifest.lessons.length} lessons, ${quizzes} quizzes`);
  markBuilt(fingerprint);
  console.log(`✔ Built in ${since(t0)}`);
  return "built";
}
