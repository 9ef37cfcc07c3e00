// What every check kind shares: its input, its result and how stages are named in messages.

import type { DockerfileAnalysis, Stage } from "@/lib/docker/dockerfile";
import type { StageFile } from "@/lib/docker/dockerfile/files";

/** What one check found, before the description and hint count are added. */
export type CheckResult = { passed: boolean; line: number | null; detail: string | null };

/** What every check may read about one submission. */
export type CheckInput = {
  analysis: DockerfileAnalysis;
  /** The exercise's build context (for path checks). */
  context: { files?: readonly string[]; dockerignore?: string };
  /** What each stage holds (lib/docker/dockerfile/files.ts), computed once per submission. */
  stageFiles: () => StageFile[][];
};

/** The stage named `name` (any case), or null. */
export function findStage(stages: readonly Stage[], name: string): Stage | null {
  const wanted = name.trim().toLowerCase();
  return stages.find((s) => s.normalizedName === wanted) ?? null;
}

/** " (named stages: …)" for a message about a missing stage. */
export function stageNames(stages: readonly Stage[]): string {
  const named = stages.filter((s) => s.name).map((s) => `"${s.name}"`);
  return named.length === 0
    ? " (no stage has a name: FROM <image> AS <name>)"
    : ` (named stages: ${named.slice(0, 5).join(", ")})`;
}

export const pass = (detail: string | null, line: number | null = null): CheckResult => ({
  passed: true,
  line,
  detail,
});
export const fail = (detail: string, line: number | null = null): CheckResult => ({
  passed: false,
  line,
  detail,
});
