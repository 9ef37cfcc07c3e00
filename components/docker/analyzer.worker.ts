// The stage explorer's analysis, off the main thread: Dockerfile text (and what changed since the
// last build) in, the analysis and the layer cache report out. A paste of any size under the limit
// can keep this thread busy, never the page's.

import { type CacheInput, type CacheReport, layerCacheReport } from "@/lib/docker/cache/layer-cache";
import { type AnalyzeResult, analyzeDockerfile } from "@/lib/docker/dockerfile";

export interface AnalyzerRequest {
  id: number;
  text: string;
  /** Like docker build --target; "" for the default. */
  target: string;
  cache: CacheInput | null;
}

export interface AnalyzerResponse {
  id: number;
  result: AnalyzeResult;
  cache: CacheReport | null;
}

/** What the worker does for one request (also the fallback when a browser can't start a worker). */
export function runAnalysis(request: AnalyzerRequest): AnalyzerResponse {
  let result = analyzeDockerfile(request.text, request.target ? { target: request.target } : {});
  // A target that no longer exists after an edit falls back to the default.
  if (request.target && result.ok && !result.analysis.target.explicit)
    result = analyzeDockerfile(request.text);
  const cache = result.ok && request.cache ? layerCacheReport(result.analysis, request.cache) : null;
  return { id: request.id, result, cache };
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<AnalyzerRequest>) => void) | null;
  postMessage?: (message: AnalyzerResponse) => void;
  document?: unknown;
};
// Only inside a worker (no document): the module is also imported on the page for the fallback.
if (scope.document === undefined && typeof scope.postMessage === "function") {
  scope.onmessage = (event) => scope.postMessage?.(runAnalysis(event.data));
}
