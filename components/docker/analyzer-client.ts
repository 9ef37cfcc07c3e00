// Runs the stage explorer's analysis in a Web Worker, one request at a time. A new request while
// one is still running ends that worker (terminate) and starts a fresh one: text the learner has
// already replaced is never analysed to the end. Without Worker support the analysis runs on the
// page, loaded on first use.

import type { AnalyzerRequest, AnalyzerResponse } from "./analyzer.worker";

export type AnalysisJob = Omit<AnalyzerRequest, "id">;

export class AnalyzerClient {
  private worker: Worker | null = null;
  private busy: { request: AnalyzerRequest; resolve: (r: AnalyzerResponse | null) => void } | null = null;
  private seq = 0;
  /** Set when a worker failed to load: from then on the page analyses. */
  private noWorker = false;
  /** Requests ended because a newer one came in (for tests and curiosity). */
  cancelled = 0;

  /** Analyses `job`; resolves to null when a newer request replaced it first. */
  run(job: AnalysisJob): Promise<AnalyzerResponse | null> {
    this.cancelStale();
    const request: AnalyzerRequest = { ...job, id: ++this.seq };
    const worker = this.ensureWorker();
    if (!worker) return this.onPage(request);
    return new Promise((resolve) => {
      this.busy = { request, resolve };
      worker.postMessage(request);
    });
  }

  /** Starts the worker ahead of the first request, so its script loads alongside the page's. */
  warm(): void {
    this.ensureWorker();
  }

  dispose(): void {
    this.cancelStale();
    this.worker?.terminate();
    this.worker = null;
  }

  private cancelStale(): void {
    if (!this.busy) return;
    // The worker is inside a synchronous analysis: only terminating it stops the work.
    this.worker?.terminate();
    this.worker = null;
    this.busy.resolve(null);
    this.busy = null;
    this.cancelled++;
  }

  private onPage(request: AnalyzerRequest): Promise<AnalyzerResponse | null> {
    return import("./analyzer.worker").then((mod) =>
      request.id === this.seq ? mod.runAnalysis(request) : null,
    );
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (this.noWorker || typeof Worker === "undefined") return null;
    try {
      const worker = createAnalyzerWorker();
      worker.onmessage = (event: MessageEvent<AnalyzerResponse>) => {
        const busy = this.busy;
        if (!busy || busy.request.id !== event.data.id) return;
        this.busy = null;
        busy.resolve(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const busy = this.busy;
        this.busy = null;
        this.worker?.terminate();
        this.worker = null;
        this.noWorker = true;
        // The worker could not load (or crashed): analyse this request on the page instead.
        if (busy) this.onPage(busy.request).then(busy.resolve, () => busy.resolve(null));
      };
      this.worker = worker;
      return worker;
    } catch {
      return null;
    }
  }
}

/**
 * The exact shape Turbopack recognises and bundles as a worker entry: `new Worker(new URL(...,
 * import.meta.url))` with a literal path, at the top of a module function.
 */
function createAnalyzerWorker(): Worker {
  return new Worker(new URL("./analyzer.worker", import.meta.url));
}
