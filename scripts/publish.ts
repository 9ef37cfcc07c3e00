// `npm run publish`: builds the current sources (new lessons, courses, code) beside the running
// server, then switches the server to the new build with no request dropped. The build goes to
// its own folder, .next-publish-<port>-<time>; the server on $PORT (default 3000) keeps serving
// the old one until the new one answers, and the old one finishes its in-flight requests.
// Without a running server it only builds: the next `npm start` on that port serves the build.
// Database migrations are not applied here: run `npm run db:migrate` first when a change needs one
// (and make it one the old build can live with). See docs/decisions/025-publish-without-downtime.md.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isPublishFolder, publishedBuild, runningServer, writePublishedBuild } from "./lib/published";
import { ROOT, run, since } from "./lib/run";

const port = Number(process.env.PORT || 3000);
const t0 = performance.now();
const distDir = `.next-publish-${port}-${Date.now()}`;
const server = runningServer(port);
const previous = server?.distDir ?? publishedBuild(port)?.distDir ?? ".next";

console.log(
  `▶ Building into ${distDir} (${server ? `the server on port ${port} keeps serving ${previous}` : `no server is running on port ${port}`})`,
);
// next build points tsconfig.json and next-env.d.ts at its build folder's types; a publish
// leaves them as they were (type checks keep using .next).
const typeFiles = ["tsconfig.json", "next-env.d.ts"].filter((f) => existsSync(path.join(ROOT, f)));
const saved = typeFiles.map((f) => [f, readFileSync(path.join(ROOT, f), "utf8")] as const);
const built = await run("node", ["--import", "tsx", "scripts/build.ts", "--force"], {
  env: { LECTERN_DIST_DIR: distDir, NODE_ENV: "production" },
});
for (const [file, text] of saved) writeFileSync(path.join(ROOT, file), text);
if (built.code !== 0) {
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  console.error(
    `✖ The build failed; ${server ? `port ${port} still serves ${previous}` : "nothing was published"}`,
  );
  process.exit(1);
}

// Pages already open in a browser ask for the old build's scripts and styles after the switch:
// the new build serves those files too (names are content hashes, so nothing is overwritten).
const oldStatic = path.join(ROOT, previous, "static");
if (existsSync(oldStatic))
  cpSync(oldStatic, path.join(ROOT, distDir, "static"), { recursive: true, force: false });

writePublishedBuild(port, distDir);
if (!server) {
  console.log(`✔ Built in ${since(t0)}; \`npm start\` on port ${port} will serve ${distDir}`);
  process.exit(0);
}

const sent = new Date().toISOString();
process.kill(server.pid, "SIGHUP");
const deadline = Date.now() + 180_000;
for (;;) {
  const state = runningServer(port);
  if (!state) {
    console.error(`✖ The server on port ${port} stopped during the switch`);
    process.exit(1);
  }
  if (state.distDir === distDir) break;
  if (state.error && (state.failedAt ?? "") >= sent) {
    console.error(`✖ The server kept ${previous}: ${state.error}`);
    process.exit(1);
  }
  if (Date.now() > deadline) {
    console.error(
      `✖ The server on port ${port} did not switch within 3 minutes (it still serves ${state.distDir})`,
    );
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}

// Keep the build just replaced (a quick way back); remove older published builds of this port.
for (const entry of readdirSync(ROOT)) {
  if (entry === distDir || entry === previous || !entry.startsWith(`.next-publish-${port}-`)) continue;
  if (isPublishFolder(entry)) rmSync(path.join(ROOT, entry), { recursive: true, force: true });
}
console.log(`✔ Published in ${since(t0)}: port ${port} now serves ${distDir}`);
