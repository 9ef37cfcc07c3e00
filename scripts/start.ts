// `npm start`: migrate and seed the database, build if the sources changed, then serve.
// Flags: --no-build (serve the existing build, never build; the test suite builds once beforehand).
// The server keeps the port and serves through a worker process, so `npm run publish` can switch
// it to a new build without dropping a request (scripts/lib/supervisor.ts).
import path from "node:path";
import { buildIfNeeded } from "./lib/build";
import { buildExists, buildIsCurrent, DIST_DIR } from "./lib/fingerprint";
import { prepareDatabase } from "./lib/prepare";
import { forgetPublishedBuild, publishedBuild, removeServerState, writeServerState } from "./lib/published";
import { ROOT } from "./lib/run";
import { startSupervisor } from "./lib/supervisor";

Object.assign(process.env, { NODE_ENV: "production" });
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";

/** The build to serve: the one last published to this port while it is current, else .next. */
async function chooseBuild(): Promise<string> {
  const published = process.env.LECTERN_DIST_DIR ? null : publishedBuild(Number(port));
  if (published && buildIsCurrent(path.join(ROOT, published.distDir))) return published.distDir;
  if (published) {
    console.warn(`! The sources changed since ${published.distDir} was published; serving .next`);
    forgetPublishedBuild(Number(port));
  }
  if (process.argv.includes("--no-build")) {
    if (!buildExists()) throw new Error("No production build: run `npm run build` first");
    if (!buildIsCurrent())
      console.warn("! The sources changed since the last build; serving the existing build (--no-build)");
  } else {
    await buildIfNeeded();
  }
  return path.relative(ROOT, DIST_DIR);
}

let distDir: string;
try {
  await prepareDatabase();
  distDir = await chooseBuild();
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}

let announced = false;
let stopping = false;
const supervisor = startSupervisor({
  port,
  host,
  onOutput: (text) => {
    if (!announced && /Ready|started server/i.test(text)) {
      announced = true;
      console.log(`\n  Lectern is running at http://localhost:${port}  (Ctrl-C to stop)\n`);
      return;
    }
    if (announced) process.stdout.write(text);
  },
  onCrash: (code, signal) => {
    if (stopping) return;
    console.error(`next start exited (${signal ?? code})`);
    removeServerState(Number(port));
    process.exit(code ?? 1);
  },
});

// Before the first build is served: the worker answers requests while its health checks still
// run, and a stop in that window must still drain it and exit 0 (not die of the signal).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping Lectern (${signal})…`);
    removeServerState(Number(port));
    await supervisor.stop();
    console.log("Lectern stopped.");
    process.exit(0);
  });
}

try {
  await supervisor.serve(distDir);
  writeServerState({ pid: process.pid, port: Number(port), distDir });
} catch (error) {
  // A stop during startup ends the first serve too; the signal handler exits.
  if (!stopping) {
    console.error(`✖ ${(error as Error).message}`);
    await supervisor.stop();
    process.exit(1);
  }
}

// `npm run publish` writes the new build's folder, then sends SIGHUP.
let switching = Promise.resolve();
process.on("SIGHUP", () => {
  switching = switching.then(async () => {
    const published = publishedBuild(Number(port));
    if (stopping || !published || published.distDir === distDir) return;
    const t0 = performance.now();
    try {
      await supervisor.serve(published.distDir);
      distDir = published.distDir;
      writeServerState({
        pid: process.pid,
        port: Number(port),
        distDir,
        switchedAt: new Date().toISOString(),
      });
      console.log(`✔ Now serving ${distDir} (switched in ${Math.round(performance.now() - t0)} ms)`);
    } catch (error) {
      const message = (error as Error).message;
      console.error(`✖ Still serving ${distDir}: ${message}`);
      writeServerState({
        pid: process.pid,
        port: Number(port),
        distDir,
        error: message,
        failedAt: new Date().toISOString(),
      });
    }
  });
});
