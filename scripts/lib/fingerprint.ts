import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./run";

/** Everything a production build depends on (not tsconfig.json: `next build` rewrites it). */
const INPUTS = [
  "app",
  "components",
  "lib",
  "content",
  "public",
  "prisma/schema.prisma",
  "next.config.mjs",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];
/** The build folder (next.config.mjs reads the same variable). */
export const DIST_DIR = path.join(ROOT, process.env.LECTERN_DIST_DIR || ".next");
const stamp = (distDir: string) => path.join(distDir, "lectern-build.json");

function walk(target: string, files: string[]) {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) walk(path.join(target, entry), files);
  } else files.push(target);
}

/** A hash of the build's inputs: when it changes, the build is stale. */
export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(ROOT, input), files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 20);
}

/** Whether there is a production build at all (in .next, or the build folder given). */
export function buildExists(distDir = DIST_DIR): boolean {
  return existsSync(path.join(distDir, "BUILD_ID"));
}

/** Whether .next (or the build folder given) holds a production build of exactly the current sources. */
export function buildIsCurrent(distDir = DIST_DIR): boolean {
  if (!existsSync(stamp(distDir)) || !buildExists(distDir)) return false;
  try {
    return JSON.parse(readFileSync(stamp(distDir), "utf8")).fingerprint === sourceFingerprint();
  } catch {
    return false;
  }
}

/** Records that .next was built from the current sources. */
export function markBuilt(fingerprint: string) {
  writeFileSync(stamp(DIST_DIR), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2));
}
