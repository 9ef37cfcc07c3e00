import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import type { MessagePort, Worker } from "node:worker_threads";

/** A compiler thread asking for esbuild's helper process (see compile-worker.ts). */
export type HelperRequest = { helper: { command: string; args: string[]; cwd: string }; port: MessagePort };

/** The esbuild helpers each compiler thread has running. */
const helpers = new WeakMap<Worker, Set<ChildProcess>>();

/**
 * Spawns esbuild's helper for a compiler thread and relays its stdin and stdout over `port`.
 * The helper belongs to this (main) thread, so when the compiler thread is stopped the helper
 * is killed and reaped here (killHelpers): a stopped compile leaves no process behind.
 */
export function spawnHelper(worker: Worker, { helper: { command, args, cwd }, port }: HelperRequest) {
  // Only esbuild's service, as its JavaScript API starts it; nothing else is ever spawned.
  if (!/(^|\/)esbuild$/.test(command) || !args.every((a) => /^--(?:service=[\w.-]+|ping)$/.test(a))) {
    port.close();
    return;
  }
  const helper = spawn(command, args, {
    cwd,
    env: { NODE_ENV: process.env.NODE_ENV ?? "production" },
    stdio: ["pipe", "pipe", "ignore"],
    windowsHide: true,
  });
  const owned = helpers.get(worker) ?? new Set<ChildProcess>();
  helpers.set(worker, owned.add(helper));
  helper.stdout?.on("data", (chunk: Buffer) => port.postMessage(chunk));
  helper.stdin?.on("error", () => {}); // the helper exited first; its exit is relayed below
  port.on("message", (message: Uint8Array | "kill") => {
    if (message === "kill") helper.kill();
    else helper.stdin?.write(message);
  });
  helper.on("exit", (code) => {
    owned.delete(helper);
    port.postMessage({ exit: code });
    port.close();
  });
}

/** Kills the helpers of a compiler thread that has exited (this thread then reaps them). */
export function killHelpers(worker: Worker) {
  for (const helper of helpers.get(worker) ?? []) helper.kill("SIGKILL");
}
