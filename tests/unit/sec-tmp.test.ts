import { it } from "vitest";
import { stopCompiler } from "@/lib/instructor/compile-service";
import { compilePreview } from "@/lib/instructor/preview";
import { lessonTemplate } from "@/lib/instructor/template";
import { childProcesses } from "../support/processes";

it("x", async () => {
  const t = lessonTemplate(new Date("2026-11-27T12:00:00Z"));
  console.log("1", JSON.stringify((await compilePreview(t)).status), childProcesses());
  console.log(
    "2",
    JSON.stringify(await compilePreview(`${">".repeat(100_000)} x`, { timeoutMs: 1500 })),
    childProcesses(),
  );
  await new Promise((r) => setTimeout(r, 1000));
  console.log("3", childProcesses());
  const o = await compilePreview(t);
  console.log("4", JSON.stringify(o.status === "compiled" ? o.diagnostics : o), childProcesses());
  stopCompiler();
}, 60000);
