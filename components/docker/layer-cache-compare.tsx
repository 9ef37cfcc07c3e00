"use client";

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { codeBlockText } from "@/components/mdx/code-text";
import type { AnalyzerResponse } from "./analyzer.worker";
import { CacheReportView, CacheRules } from "./cache-report";
import {
  CacheControls,
  type CacheSettings,
  cacheInput,
  DEFAULT_CACHE_SETTINGS,
  declaredArgs,
  suggestedPaths,
} from "./stage-cache";

type Engine = typeof import("./analyzer.worker");
const noop = () => () => {};

/**
 * The interactive half of `<LayerCache>`: reads the two Dockerfiles from the code blocks above it
 * and shows, for one shared change, what each would rebuild. The analyzer loads on first view;
 * lesson Dockerfiles are a few lines, so it runs on the page.
 */
export function LayerCacheCompare({ labels, change }: { labels: [string, string]; change: string }) {
  const id = useId();
  // False on the server and without JavaScript: then the view explains itself instead of "Loading".
  const mounted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const ref = useRef<HTMLDivElement>(null);
  const [texts, setTexts] = useState<string[] | null>(null);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [failed, setFailed] = useState(false);
  const [settings, setSettings] = useState<CacheSettings>({ ...DEFAULT_CACHE_SETTINGS, path: change });

  useEffect(() => {
    const element = ref.current;
    const container = element?.closest("[data-layer-cache]");
    const figures = container ? [...container.querySelectorAll("figure[data-code-block]")] : [];
    setTexts(figures.slice(0, 2).map((figure) => codeBlockText(figure)));
    // The analyzer loads when the comparison comes near the screen, not with the page.
    const load = () => import("./analyzer.worker").then(setEngine, () => setFailed(true));
    if (!element || typeof IntersectionObserver === "undefined") {
      load();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const input = useMemo(() => cacheInput(settings), [settings]);
  const results = useMemo<AnalyzerResponse[] | null>(
    () =>
      engine && texts
        ? texts.map((text, i) => engine.runAnalysis({ id: i, text, target: "", cache: input }))
        : null,
    [engine, texts, input],
  );
  const analyses = results?.flatMap((r) => (r.result.ok ? [r.result.analysis] : [])) ?? [];
  const args = [...new Set(analyses.flatMap(declaredArgs))];
  const paths = [...new Set(analyses.flatMap((a) => suggestedPaths(a, settings)))];

  return (
    <div
      ref={ref}
      className="not-prose rounded-xl border border-[var(--border)] p-4 sm:p-5"
      data-layer-cache-view=""
    >
      <h3 id={`${id}-title`} className="mt-0 text-base font-semibold">
        Layer cache: what the next build reuses
      </h3>
      {!mounted ? (
        <p className="mt-2 text-sm">
          This comparison needs JavaScript: it shows which steps of each Dockerfile above BuildKit reruns
          after a change. The two Dockerfiles read fine without it.
        </p>
      ) : failed ? (
        <p className="mt-2 text-sm text-red-700 dark:text-red-300">
          The analyser could not be loaded. Check your connection and reload the page.
        </p>
      ) : !results ? (
        <p className="mt-2 text-sm text-[var(--fg-muted)]">Loading the comparison…</p>
      ) : (
        <div className="mt-3 grid gap-4">
          <CacheControls settings={settings} onChange={setSettings} args={args} paths={paths} />
          <div className="grid gap-4 lg:grid-cols-2">
            {results.map((r, i) => (
              <section
                key={labels[i]}
                aria-label={`Cache: ${labels[i]}`}
                className="min-w-0"
                data-cache-side={i}
              >
                <h4 className="mb-2 text-sm font-semibold">{labels[i]}</h4>
                {r.cache ? (
                  <CacheReportView report={r.cache} />
                ) : (
                  <p className="text-sm">{r.result.ok ? "" : r.result.error.message}</p>
                )}
              </section>
            ))}
          </div>
          <CacheRules />
        </div>
      )}
    </div>
  );
}
