// Public surface of the Dockerfile analysis library (stage explorer). Pure TypeScript, no DOM or
// Node APIs, so it can be lazily loaded in the browser.

export { analyzeDockerfile, MAX_DOCKERFILE_BYTES } from "./analyze";
export { dumpInstruction, type ParsedDockerfile, parseDockerfile } from "./parser";
export type * from "./types";
export type { Flag, MountSpec } from "./words";
