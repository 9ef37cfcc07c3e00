import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type RunningServer = {
  url: string;
  /** The server's process group (the primary and its workers): for measuring their CPU time. */
  pid: number;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** SIGKILL to the whole process tree: no shutdown code runs, as in a power cut of the process. */
  crash: () => Promise<number | null>;
};

/**
 * Starts `npm start`'s script (no build) on its own port and database, as a user would; used
 * by the benchmark and by the end-to-end tests that restart or crash a server.
 */
export async function startServer(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    // tsx as a loader in the server's own process: the tsx CLI's signal relay SIGKILLs a child
    // that does not confirm a signal within 30 ms (a busy machine), orphaning next-server.
    ["--import", "tsx", "scripts/start.ts", "--no-build"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        LECTERN_SECRET: "separate-server-secret-long-enough-for-validation",
        SITE_URL: `http://localhost:${port}`,
        ...env,
      },
      // Its own process group, so a crash can be simulated by killing the server and its children.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok && output.includes("Lectern is running")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    crash: async () => {
      process.kill(-(child.pid ?? 0), "SIGKILL");
      return exited;
    },
    stop: async (signal = "SIGINT") => {
      child.kill(signal);
      return exited;
    },
  };
}
