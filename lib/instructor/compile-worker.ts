// The preview's compiler thread (started by compile-service.ts). It runs exactly lib/content's
// compileLesson, one request at a time, on a thread of its own with an empty environment, so a
// pathological source (the MDX parser is synchronous JavaScript) can be stopped by terminating
// the thread without stalling the web server. Never imported by the app itself.
import childProcess, { type SpawnOptions } from "node:child_process";
import { EventEmitter } from "node:events";
import { Readable, Writable } from "node:stream";
import { MessageChannel, type MessagePort, parentPort } from "node:worker_threads";
import { compileLesson, compilerBoilerplate } from "../content/compile";
import { getHighlighter } from "../content/highlight";

/**
 * esbuild (under mdx-bundler) talks to a helper process over its stdin and stdout. A process
 * spawned from this thread could never be reaped once the thread is terminated mid-compile
 * (only this thread's event loop waits for it): every stopped compile would leave a zombie. So
 * the main thread spawns and owns the helper (compile-service.ts), and esbuild here gets this
 * stand-in, which carries the bytes both ways over a MessagePort.
 */
class RelayedHelper extends EventEmitter {
  readonly stdout = new Readable({ read() {} });
  readonly stdin: Writable;

  constructor(private readonly port: MessagePort) {
    super();
    this.stdin = new Writable({
      write(chunk: Uint8Array, _encoding, done) {
        port.postMessage(chunk);
        done();
      },
    });
    port.on("message", (message: Uint8Array | { exit: number | null }) => {
      if (message instanceof Uint8Array) {
        this.stdout.push(Buffer.from(message.buffer, message.byteOffset, message.byteLength));
        return;
      }
      this.stdout.push(null);
      this.emit("exit", message.exit, null);
      port.close();
    });
  }

  kill(): boolean {
    this.port.postMessage("kill");
    return true;
  }
  ref() {
    this.port.ref();
  }
  unref() {
    this.port.unref();
  }
}

let helper: RelayedHelper | null = null;
const spawn = childProcess.spawn;
childProcess.spawn = ((command: string, args: readonly string[], options: SpawnOptions) => {
  if (!/esbuild/.test(command)) return spawn(command, args, options);
  const { port1, port2 } = new MessageChannel();
  parentPort?.postMessage(
    { helper: { command, args: [...args], cwd: String(options.cwd ?? process.cwd()) }, port: port2 },
    [port2],
  );
  helper = new RelayedHelper(port1);
  return helper;
}) as typeof spawn;

type Message = { id: number; source: string; file: string } | { stop: true };

// Load what the first compile needs as soon as the thread starts (the preview page starts it).
Promise.all([getHighlighter(), compilerBoilerplate()]).then(
  () => parentPort?.postMessage({ ready: true }),
  (error: unknown) => console.error("[preview] the compiler could not warm up", error),
);

parentPort?.on("message", (message: Message) => {
  if ("stop" in message) {
    if (!helper) process.exit(0);
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
