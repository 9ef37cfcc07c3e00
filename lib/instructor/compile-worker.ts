// The preview's compiler thread (started by compile-service.ts). It runs exactly lib/content's
// compileLesson, one request at a time, on a thread of its own with an empty environment, so a
// pathological source (the MDX parser is synchronous JavaScript) can be stopped by terminating
// the thread without stalling the web server. Never imported by the app itself.
import childProcess, { type ChildProcess, type SpawnOptions } from "node:child_process";
import { parentPort } from "node:worker_threads";
import { compileLesson } from "../content/compile";

// esbuild (under mdx-bundler) runs a helper process. Two adjustments, for this thread only
// (its child_process module is its own; the server's is untouched):
// - no inherited stderr: when the thread is terminated mid-compile the helper loses its pipes
//   and prints a Go stack dump, which would land in the server's log;
// - keep a handle on it, so a graceful stop can wait until it has exited and been reaped.
let helper: ChildProcess | null = null;
const spawn = childProcess.spawn;
childProcess.spawn = ((command: string, args: readonly string[], options: SpawnOptions) => {
  if (!/esbuild/.test(command)) return spawn(command, args, options);
  helper = spawn(command, args, { ...options, stdio: ["pipe", "pipe", "ignore"] });
  return helper;
}) as typeof spawn;

type Message = { id: number; source: string; file: string } | { stop: true };

parentPort?.on("message", (message: Message) => {
  if ("stop" in message) {
    if (!helper || helper.exitCode !== null || helper.signalCode !== null) process.exit(0);
    helper.once("exit", () => process.exit(0));
    helper.kill();
    return;
  }
  compileLesson(message.source, message.file).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
