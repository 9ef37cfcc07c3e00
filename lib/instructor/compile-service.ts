import "server-only";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CompileResult } from "@/lib/content/compile";
import { type HelperRequest, killHelpers, spawnHelper } from "./compile-helper";
import { PREVIEW_WAIT_LIMIT_MS } from "./limits";

/** Why a compile produced no result: it ran out of time, the queue was full, or the compiler failed. */
export class CompileRefused extends Error {
  constructor(
    public readonly reason: "timeout" | "busy" | "crashed",
    message: string,
  ) {
    super(message);
    this.name = "CompileRefused";
  }
}

type Job = {
  id: number;
  source: string;
  file: string;
  timeoutMs: number;
  resolve: (result: CompileResult) => void;
  reject: (error: Error) => void;
  /** Waiting (for its turn and a warm thread), then compiling: the limit of the current stage. */
  timer: NodeJS.Timeout;
  /** Posted to the thread: its time limit is running. */
  dispatched: boolean;
};

type Reply = { id: number; result: CompileResult } | { id: number; error: string };

/** Requests waiting beyond the one compiling; more are refused rather than queued for minutes. */
const MAX_WAITING = 6;
/** An idle compiler thread is stopped after this long, freeing its memory. */
const IDLE_MS = 5 * 60_000;

type State = {
  child: Worker | null;
  running: Job | null;
  queue: Job[];
  nextId: number;
  idle?: NodeJS.Timeout;
};
const globalState = globalThis as unknown as { lecternCompiler?: State };
globalState.lecternCompiler ??= { child: null, running: null, queue: [], nextId: 1 };
const state = globalState.lecternCompiler;

/**
 * The compiler thread. Bundled by Next.js like any server code (so it runs from a build or a
 * standalone copy); run from the TypeScript source through tsx where nothing bundles it
 * (unit tests, scripts).
 */
function startWorker(): Worker {
  const options = {
    // Nothing from the server's environment (secrets, database URL) reaches the compiler.
    env: { NODE_ENV: process.env.NODE_ENV ?? "production" },
    resourceLimits: { maxOldGenerationSizeMb: 384 },
  };
  if (import.meta.url.endsWith(".ts")) {
    const source = pathToFileURL(
      path.join(/*turbopackIgnore: true*/ path.dirname(fileURLToPath(import.meta.url)), "compile-worker.ts"),
    );
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL("./compile-worker.ts", import.meta.url), options);
}

/** Settles once a compiler thread has loaded the compiler and highlighter (or has exited). */
const readiness = new WeakMap<Worker, Promise<void>>();

function spawnChild(): Worker {
  const child = startWorker();
  readiness.set(
    child,
    new Promise<void>((resolve) => {
      child.on("message", (message: { ready?: true }) => message.ready && resolve());
      child.on("exit", () => resolve());
    }),
  );
  child.on("message", (reply: Reply | HelperRequest | { ready: true }) => {
    if ("ready" in reply) return;
    if ("helper" in reply) {
      spawnHelper(child, reply);
      return;
    }
    const job = state.running;
    if (!job || job.id !== reply.id) return;
    finish(job);
    if ("error" in reply) {
      console.error("[preview] compile failed", reply.error);
      job.reject(new CompileRefused("crashed", "The compiler failed on this source. Try again."));
    } else job.resolve(reply.result);
    pump();
  });
  child.on("error", (error) => console.error("[preview] compiler thread error", error));
  child.on("exit", () => {
    // Whatever the thread was doing, its helpers go with it (and are reaped by this thread).
    killHelpers(child);
    // Stopped on purpose (timeout, idle): the job was already settled and the slot moved on.
    if (state.child !== child) return;
    state.child = null;
    const job = state.running;
    if (job) {
      finish(job);
      job.reject(new CompileRefused("crashed", "The compiler stopped unexpectedly. Try again."));
    }
    pump();
  });
  return child;
}

/** Keeps the thread from holding the process open while idle, and stops it after a while. */
function setBusy(busy: boolean) {
  const child = state.child;
  if (!child) return;
  clearTimeout(state.idle);
  if (busy) child.ref();
  else {
    child.unref();
    state.idle = setTimeout(() => stopCompiler(), IDLE_MS);
    state.idle.unref();
  }
}

function finish(job: Job) {
  clearTimeout(job.timer);
  if (state.running === job) state.running = null;
}

/**
 * Starts the next job once the thread is warm: the time limit counts the compile itself, never
 * the thread's start (a cold thread on a busy machine takes seconds, and counting that would
 * stop every compile after a stopped one, each replacement as cold as the last).
 */
function pump() {
  if (state.running) return;
  const job = state.queue.shift();
  if (!job) {
    setBusy(false);
    return;
  }
  state.child ??= spawnChild();
  state.running = job;
  setBusy(true);
  const child = state.child;
  void (readiness.get(child) ?? Promise.resolve()).then(() => {
    if (state.running !== job || state.child !== child) return; // settled, or the thread is gone
    clearTimeout(job.timer);
    job.dispatched = true;
    job.timer = setTimeout(() => timedOut(job), job.timeoutMs);
    child.postMessage({ id: job.id, source: job.source, file: job.file });
  });
}

/** A job's stage ran out of time: waiting (busy, or a thread that would not start) or compiling. */
function timedOut(job: Job) {
  const running = state.running === job;
  if (running) {
    finish(job);
    // Compiling (synchronous code that cannot be interrupted) or a thread that never warmed up.
    stopCompiler({ now: true });
    // The instructor is still editing: have a warm thread ready for the next compile.
    void warmCompiler();
    pump();
  } else {
    state.queue = state.queue.filter((j) => j !== job);
  }
  const seconds = Math.round(job.timeoutMs / 100) / 10;
  job.reject(
    job.dispatched
      ? new CompileRefused(
          "timeout",
          `Compiling took longer than ${seconds} s and was stopped. Simplify the source (very deep nesting or thousands of blocks) and try again.`,
        )
      : new CompileRefused(
          "busy",
          "The preview compiler did not get to this version in time. Try again in a moment.",
        ),
  );
}

/**
 * Starts the compiler thread ahead of the first preview (it takes a second or two to load the
 * compiler and the highlighter); the promise settles once it has.
 */
export function warmCompiler(): Promise<void> {
  if (!state.child) {
    state.child = spawnChild();
    setBusy(false);
  }
  return readiness.get(state.child) ?? Promise.resolve();
}

/**
 * Stops the compiler thread (a new one starts on the next compile). Gracefully when idle: the
 * thread stops esbuild's helper process and exits. `now` terminates it mid-compile instead;
 * either way its helper process, which this thread owns, is killed and reaped.
 */
export function stopCompiler({ now = false } = {}): void {
  const child = state.child;
  state.child = null;
  if (!child) return;
  if (now) {
    void child.terminate();
    return;
  }
  child.postMessage({ stop: true });
  setTimeout(() => void child.terminate(), 2_000).unref();
}

/**
 * Runs lib/content's compileLesson on a worker thread. It waits at most PREVIEW_WAIT_LIMIT_MS
 * for its turn and a warm thread, then has `timeoutMs` to compile; a compile still running then
 * is stopped by terminating the thread, so a pathological source (the MDX parser is synchronous
 * JavaScript) can never stall the server, and a warm replacement thread is started.
 */
export function compileIsolated(source: string, file: string, timeoutMs: number): Promise<CompileResult> {
  if (state.queue.length >= MAX_WAITING) {
    return Promise.reject(
      new CompileRefused("busy", "The preview compiler is busy with other requests. Try again in a moment."),
    );
  }
  return new Promise<CompileResult>((resolve, reject) => {
    const job: Job = {
      id: state.nextId++,
      source,
      file,
      timeoutMs,
      resolve,
      reject,
      dispatched: false,
      timer: setTimeout(() => timedOut(job), PREVIEW_WAIT_LIMIT_MS),
    };
    state.queue.push(job);
    pump();
  });
}
