// What every best-practice rule reads. Its own module so findings.ts and findings-run.ts can both
// import it without importing each other.

import type { Directives, Stage, StageEdge, TargetSelection } from "./types";
import type { EscapeChar } from "./words";

export interface RuleContext {
  stages: readonly Stage[];
  edges: readonly StageEdge[];
  /** The default target (the last stage): findings are about the file's image, not the chosen target. */
  target: TargetSelection;
  directives: Directives;
  globalArgs: readonly { name: string; value: string | null; line: number }[];
  /** The shipping stage and its FROM ancestors: their layers are all in the final image. */
  shipChain: ReadonlySet<number>;
  escapeChar: EscapeChar;
}
