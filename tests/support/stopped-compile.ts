// Run in a process of its own by instructor-preview.test.ts (so that only this process's child
// processes are counted): stops a runaway preview compile, then reports what is left behind.
// node --conditions=react-server --import tsx tests/support/stopped-compile.ts
import { stopCompiler, warmCompiler } from "../../lib/instructor/compile-service";
import { compilePreview } from "../../lib/instructor/preview";
import { lessonTemplate } from "../../lib/instructor/template";
import { childProcesses } from "./processes";

// tsx (which compiled this file) runs an esbuild service of its own: not the compiler's.
const own = new Set(childProcesses().map((c) => c.pid));
const compilers = () => childProcesses().filter((c) => !own.has(c.pid));
const template = lessonTemplate(new Date("2026-11-27T12:00:00Z"));

// The idle compiler thread is unref'd (it never holds a server open); this script waits on it.
const keepAlive = setInterval(() => {}, 1000);
await warmCompiler();
let first = await compilePreview(template);
// A cold thread on a busy machine (where nothing waits for it to warm up) may miss the first.
for (let i = 0; i < 3 && !(first.status === "compiled" && first.lesson); i++)
  first = await compilePreview(template);
const before = compilers();
const stopped = await compilePreview(`${">".repeat(100_000)} x`, { timeoutMs: 1500 });
// The stopped thread's helper is killed when the thread has exited; give that a moment.
const deadline = Date.now() + 5000;
const lingering = () => compilers().filter((c) => before.some((b) => b.pid === c.pid) || c.state === "Z");
while (lingering().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
const afterStop = compilers();
await warmCompiler();
const next = await compilePreview(template);
const afterNext = compilers();
stopCompiler();
clearInterval(keepAlive);
console.log(
  JSON.stringify({
    first: first.status === "compiled" && first.lesson !== null,
    before,
    stopped: stopped.status === "refused" ? stopped.message : "not refused",
    afterStop,
    next: next.status === "compiled" && next.lesson !== null,
    afterNext,
  }),
);
process.exit(0);
