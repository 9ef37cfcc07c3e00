// `npm start`: migrate and seed the database, build if the sources changed, then serve.
// Flags: --no-build (serve the existing build, never build; the test suite builds once beforehand).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./lib/build";
import { withClientAddressHook } from "./lib/client-address";
import { buildExists, buildIsCurrent } from "./lib/fingerprint";
import { prepareDatabase } from "./lib/prepare";
import { ROOT } from "./lib/run";

Object.assign(process.env, { NODE_ENV: "production" });
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";

try {
  await prepareDatabase();
  if (process.argv.includes("--no-build")) {
    if (!buildExists()) throw new Error("No production build: run `npm run build` first");
    if (!buildIsCurrent())
      console.warn("! The sources changed since the last build; serving the existing build (--no-build)");
  } else {
    await buildIfNeeded();
  }
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}

const next = spawn(
  process.execPath,
  [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", host],
  {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: withClientAddressHook() },
  },
);

let announced = false;
next.stdout.on("data", (chunk: Buffer) => {
  const text = chunk.toString();
  if (!announced && /Ready|started server/i.test(text)) {
    announced = true;
    console.log(`\n  Lectern is running at http://localhost:${port}  (Ctrl-C to stop)\n`);
    return;
  }
  if (announced) process.stdout.write(text);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping Lectern (${signal})…`);
    next.kill("SIGTERM");
    setTimeout(() => next.kill("SIGKILL"), 10_000).unref();
  });
}

next.on("exit", (code, signal) => {
  if (stopping) {
    console.log("Lectern stopped.");
    process.exit(0);
  }
  console.error(`next start exited (${signal ?? code})`);
  process.exit(code ?? 1);
});
