// The `instruction` check: a USER, HEALTHCHECK, EXPOSE, RUN --mount, a RUN command (with the
// variables it must see) or any instruction containing some text, in the final image or a stage.

import type { DockerfileAnalysis, Instruction, Stage } from "@/lib/docker/dockerfile";
import { commandsWithAssignments, runMounts, runScript } from "@/lib/docker/dockerfile/commands";
import { finalUser } from "@/lib/docker/dockerfile/findings";
import { fromChain } from "@/lib/docker/dockerfile/graph";
import { parseKeyValues } from "@/lib/docker/dockerfile/words";
import { type CheckResult, fail, findStage, pass, stageNames } from "./check-common";
import type { ExerciseCheck } from "./schema";

type InstructionCheck = Extract<ExerciseCheck, { kind: "instruction" }>;

/** Runs an `instruction` check. */
export function instructionCheck(check: InstructionCheck, analysis: DockerfileAnalysis): CheckResult {
  const final = check.stage.toLowerCase() === "final";
  const stage = final ? analysis.stages[analysis.target.shipping] : findStage(analysis.stages, check.stage);
  if (!stage) return fail(`No stage is named "${check.stage}"${stageNames(analysis.stages)}.`);
  // The stage's image holds what its FROM-ancestors did too.
  const chain = fromChain(analysis.stages, stage.index).reverse();
  const where = final ? "the final image" : `stage "${stage.name}"`;
  const all = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === check.keyword));

  if (check.keyword === "USER") return userCheck(check, analysis, stage, where);
  if (all.length === 0) return fail(`There is no ${check.keyword} in ${where}.`, stage.line);

  if (check.keyword === "HEALTHCHECK") {
    const last = all[all.length - 1] as Instruction;
    return /^none\b/i.test(last.args.trim())
      ? fail(`HEALTHCHECK NONE on line ${last.line} turns the health check off.`, last.line)
      : pass(`Line ${last.line} defines the health check.`, last.line);
  }
  if (check.form !== undefined) {
    // Only the last CMD or ENTRYPOINT counts; for RUN, any one in that form.
    const candidates = check.keyword === "RUN" ? all : all.slice(-1);
    const exec = check.form === "exec";
    const found = candidates.find((i) => i.json === exec);
    const last = all[all.length - 1] as Instruction;
    return found
      ? pass(`Line ${found.line} uses the ${check.form} form.`, found.line)
      : fail(
          exec
            ? `${check.keyword} on line ${last.line} is in shell form: the command runs under /bin/sh -c, which doesn't pass on docker stop's SIGTERM. Write it as a JSON array.`
            : `${check.keyword} on line ${last.line} is in exec form; this exercise asks for the shell form.`,
          last.line,
        );
  }
  if (check.port !== undefined) {
    const port = String(check.port);
    const found = all.find((i) => i.argv.some((a) => a === port || a === `${port}/tcp`));
    return found
      ? pass(`Line ${found.line} exposes port ${port}.`, found.line)
      : fail(
          `${where[0]?.toUpperCase()}${where.slice(1)} exposes ${all.flatMap((i) => i.argv).join(", ")}, not ${port}.`,
          all[0]?.line ?? null,
        );
  }
  if (check.mount !== undefined) {
    const found = all.find((i) => runMounts(i).some((m) => m.type === check.mount));
    if (!found) return fail(`No RUN in ${where} uses --mount=type=${check.mount}.`, all[0]?.line ?? null);
    if (check.command === undefined)
      return pass(`Line ${found.line} uses --mount=type=${check.mount}.`, found.line);
  }
  if (check.command !== undefined) return commandCheck(check, chain, all, where, analysis.directives.escape);
  if (check.contains !== undefined) {
    const text = check.contains;
    const found = all.find((i) => i.args.includes(text) || i.heredocs.some((h) => h.body.includes(text)));
    return found
      ? pass(`Line ${found.line} has ${text}.`, found.line)
      : fail(`No ${check.keyword} in ${where} has ${text}.`, all[0]?.line ?? null);
  }
  const last = all[all.length - 1] as Instruction;
  return pass(`Line ${last.line} has the ${check.keyword}.`, last.line);
}

function userCheck(
  check: InstructionCheck,
  analysis: DockerfileAnalysis,
  stage: Stage,
  where: string,
): CheckResult {
  const user = finalUser({ ...analysis, escapeChar: analysis.directives.escape }, stage.index);
  if (!user) return fail(`${capital(where)} sets no USER, so it runs as root.`, stage.line);
  const line = user.line || null;
  const name = user.value.split(":")[0]?.trim() ?? "";
  if (check.user === undefined) return pass(`USER ${user.value} on line ${user.line}.`, line);
  if (name === "" || name === "root" || name === "0")
    return fail(`USER ${user.value || '""'} on line ${user.line} is root.`, line);
  if (check.user === "numeric-non-root" && !/^\d+$/.test(name))
    return fail(
      `USER ${user.value} on line ${user.line} is a name: ${stage.base.kind === "scratch" ? "scratch has no /etc/passwd to look it up in" : "the runtime can only tell it is not root by looking it up"}; use a numeric UID such as 65534.`,
      line,
    );
  return pass(
    `${capital(where)} runs as ${user.value}${user.line ? ` (line ${user.line})` : " (set by the base image)"}.`,
    line,
  );
}

function commandCheck(
  check: InstructionCheck,
  chain: readonly Stage[],
  runs: readonly Instruction[],
  where: string,
  escapeChar: "\\" | "`",
): CheckResult {
  const wanted = check.command ?? [];
  const said = wanted.join(" ");
  let near: { line: number; missing: string } | null = null;
  for (const ins of runs) {
    if (check.mount !== undefined && !runMounts(ins).some((m) => m.type === check.mount)) continue;
    for (const { words, env } of commandsWithAssignments(runScript(ins))) {
      if (!wanted.every((w, i) => words[i] === w)) continue;
      const seen = { ...envBefore(chain, ins, escapeChar), ...env };
      const missing = Object.entries(check.env ?? {}).find(([k, v]) => seen[k] !== v);
      if (!missing)
        return pass(
          `Line ${ins.line} runs ${said}${check.env ? ` with ${envText(check.env)}` : ""}.`,
          ins.line,
        );
      near ??= { line: ins.line, missing: `${missing[0]}=${missing[1]}` };
    }
  }
  if (near) return fail(`${said} on line ${near.line} runs without ${near.missing}.`, near.line);
  const mount = check.mount ? ` with --mount=type=${check.mount}` : "";
  return fail(`No RUN in ${where} runs ${said}${mount}.`, runs[0]?.line ?? null);
}

/** ENV values set before `ins` in the stage and its FROM-ancestors (raw values, quotes removed). */
function envBefore(
  chain: readonly Stage[],
  ins: Instruction,
  escapeChar: "\\" | "`",
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const stage of chain) {
    for (const other of stage.instructions) {
      if (other === ins) return env;
      if (other.keyword !== "ENV" && other.keyword !== "ARG") continue;
      for (const kv of parseKeyValues(other.args, escapeChar, other.keyword === "ENV"))
        if (kv.value !== null) env[kv.key] = kv.value;
    }
  }
  return env;
}

const envText = (env: Record<string, string>) =>
  Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");

const capital = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
