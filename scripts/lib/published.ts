import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildExists } from "./fingerprint";
import { ROOT } from "./run";

// What `npm start` and `npm run publish` tell each other, in small JSON files under .lectern/
// (git-ignored), one set per port so several servers can run from one checkout:
//   server-<port>.json     written by the running server: its pid and the build it serves
//   published-<port>.json  written by `npm run publish`: the build to serve from now on
// See docs/decisions/025-publish-without-downtime.md.

const STATE = path.join(ROOT, ".lectern");

/** What the running server reports about itself. */
export type ServerState = {
  pid: number;
  port: number;
  /** The build folder it serves, relative to the project (".next", ".next-publish-…"). */
  distDir: string;
  /** When it last switched builds, and why a switch failed (the old build kept serving). */
  switchedAt?: string;
  error?: string;
  failedAt?: string;
};

export type PublishedBuild = { distDir: string; publishedAt: string };

const serverFile = (port: number) => path.join(STATE, `server-${port}.json`);
const publishedFile = (port: number) => path.join(STATE, `published-${port}.json`);

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** Writes through a temporary file, so a reader never sees half a file. */
function writeJson(file: string, value: unknown) {
  mkdirSync(STATE, { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** Records the running server's state (the server calls this). */
export function writeServerState(state: ServerState) {
  writeJson(serverFile(state.port), state);
}

export function removeServerState(port: number) {
  rmSync(serverFile(port), { force: true });
}

/** The server running on `port` from this checkout, or null when none is (a stale file is ignored). */
export function runningServer(port: number): ServerState | null {
  const state = readJson<ServerState>(serverFile(port));
  if (!state) return null;
  try {
    process.kill(state.pid, 0);
    return state;
  } catch {
    return null;
  }
}

/** The build `npm run publish` last switched `port` to, if it still exists. */
export function publishedBuild(port: number): PublishedBuild | null {
  const published = readJson<PublishedBuild>(publishedFile(port));
  return published && buildExists(path.join(ROOT, published.distDir)) ? published : null;
}

export function writePublishedBuild(port: number, distDir: string) {
  writeJson(publishedFile(port), { distDir, publishedAt: new Date().toISOString() } satisfies PublishedBuild);
}

export function forgetPublishedBuild(port: number) {
  rmSync(publishedFile(port), { force: true });
}

/** Whether a path names a build folder of this project (never anything else is deleted). */
export function isPublishFolder(distDir: string): boolean {
  return /^\.next-publish-\d+-\d+$/.test(distDir) && existsSync(path.join(ROOT, distDir));
}
