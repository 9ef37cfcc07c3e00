import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import path from "node:path";
import { withClientAddressHook } from "./client-address";
import { ROOT } from "./run";

// The server process of `npm start`: a cluster primary that owns the listening port and runs
// `next start` in one worker. Switching builds starts a second worker on the new build; the
// primary hands it connections as soon as it listens, checks that it answers, then sends the
// old worker SIGTERM, on which Next stops accepting and finishes its in-flight requests.
// Why a cluster and not a proxy: docs/decisions/025-publish-without-downtime.md.

const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
/** How long a new build may take to start answering before the switch is abandoned. */
const START_TIMEOUT_MS = 120_000;
/** How long the old worker may take to finish its in-flight requests before it is killed. */
const DRAIN_TIMEOUT_MS = 30_000;

type Options = {
  port: string;
  host: string;
  /** Every line a worker prints (the first "Ready" is announced by the caller). */
  onOutput: (text: string) => void;
  /** A serving worker exited on its own: the server is down. */
  onCrash: (code: number | null, signal: string | null) => void;
};

export type Supervisor = {
  /** Starts a worker on `distDir` and, once it answers, retires the one serving now. */
  serve: (distDir: string) => Promise<void>;
  /** Stops every worker gracefully (SIGTERM; Next drains), resolving when all have exited. */
  stop: () => Promise<void>;
};

export function startSupervisor({ port, host, onOutput, onCrash }: Options): Supervisor {
  // The worker is plain `next start` (without the tsx loader this process runs with), plus the
  // small preloads that let it drain keep-alive connections without cutting one and answer
  // prerendered pages from their precompressed copies.
  cluster.setupPrimary({
    exec: NEXT_BIN,
    args: ["start", "-p", port, "-H", host],
    execArgv: [
      "--require",
      path.join(ROOT, "scripts/lib/worker-drain.cjs"),
      // Prerendered pages from the build's brotli/gzip copies, not compressed per request.
      "--require",
      path.join(ROOT, "scripts/lib/static-pages.cjs"),
    ],
    silent: true,
  });
  let current: Worker | null = null;
  const retiring = new Set<Worker>();

  const fork = (distDir: string) => {
    const worker = cluster.fork({
      LECTERN_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // Each request's client address from its connection (decision 022).
      NODE_OPTIONS: withClientAddressHook(),
    });
    worker.process.stdout?.on("data", (d: Buffer) => onOutput(d.toString()));
    worker.process.stderr?.on("data", (d: Buffer) => process.stderr.write(d));
    worker.on("exit", (code, signal) => {
      if (worker === current && !retiring.has(worker)) onCrash(code, signal);
      retiring.delete(worker);
    });
    return worker;
  };

  const retire = (worker: Worker) =>
    new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      retiring.add(worker);
      worker.once("exit", () => resolve());
      worker.process.kill("SIGTERM");
      setTimeout(() => worker.process.kill("SIGKILL"), DRAIN_TIMEOUT_MS).unref();
    });

  return {
    async serve(distDir) {
      const next = fork(distDir);
      try {
        await listening(next);
        // Connections now alternate between the workers; fresh connections reach the new one
        // within a few requests, and Next answers once its handlers are loaded.
        await answers(`http://${probeHost(host)}:${port}/api/health`, 6);
      } catch (error) {
        retiring.add(next);
        next.process.kill("SIGKILL");
        throw error;
      }
      const old = current;
      current = next;
      if (old) await retire(old);
    },
    async stop() {
      const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      current = null;
      await Promise.all(all.map(retire));
    },
  };
}

function listening(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the new build did not start listening")),
      START_TIMEOUT_MS,
    );
    worker.once("listening", () => {
      clearTimeout(timer);
      resolve();
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the new build exited while starting (code ${code})`));
    });
  });
}

/** `count` health checks in a row, each on a new connection (agent: false), must succeed. */
async function answers(url: string, count: number) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let ok = 0;
  while (ok < count) {
    if (Date.now() > deadline) throw new Error("the new build did not answer its health check");
    if (await healthy(url)) ok++;
    else {
      ok = 0;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

/** Where the primary reaches its own workers: loopback when they listen on every address. */
function probeHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
