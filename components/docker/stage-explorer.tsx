"use client";

import {
  type ClipboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { createPortal } from "react-dom";
import type { CacheReport } from "@/lib/docker/cache/layer-cache";
import type { AnalyzeResult } from "@/lib/docker/dockerfile";
import { AnalyzerClient } from "./analyzer-client";
import { type ExplorerRequest, registerStageExplorer } from "./explorer-bridge";
import { type CacheSettings, cacheInput, DEFAULT_CACHE_SETTINGS } from "./stage-cache";
import { type Example, lineRange, readExamples } from "./stage-examples";

type Engine = typeof import("./stage-results");
type Analysed = { text: string; target: string; value: AnalyzeResult; cache: CacheReport | null };
/**
 * Where the explorer was opened from, so closing the dialog returns the reader there: the
 * opener's place in the window (blocks above it may change height meanwhile — off-screen lesson
 * blocks are laid out when needed — so the page's scroll offset alone is not the reading
 * position), and the offset for an opener that is gone.
 */
type Docked = { title: string; opener: HTMLElement | null; openerTop: number | null; scrollY: number };

/** Typing is analysed after this pause; picking an example or a target is analysed at once. */
const TYPING_DELAY_MS = 200;
/**
 * Pastes longer than this are inserted by us rather than by the browser: Chromium's editing
 * takes seconds to insert thousands of lines into a textarea, while setting the value is instant.
 * Smaller pastes stay native so undo keeps working.
 */
const LARGE_PASTE_CHARS = 20_000;
const noop = () => () => {};
/** Most stages offered as targets: enough for any real file, cheap to draw for a 256 KB paste. */
const TARGET_OPTIONS = 500;

/**
 * `<StageExplorer />`: paste a Dockerfile (or load one of the lesson's) and see its stages as a
 * graph, what ships for a build target, what crosses into the final image, what the layer cache
 * reuses after a change, and best-practice findings. The analysis runs in a Web Worker (a new
 * edit ends an analysis still running); the drawing loads with import() on first use. Opened from
 * a code block's button, the explorer shows in a dialog over that block, and closing it returns
 * the reader to where they were.
 */
export function StageExplorer() {
  const id = useId();
  const mounted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [text, setText] = useState("");
  const [target, setTarget] = useState("");
  const [exampleId, setExampleId] = useState("");
  const [examples, setExamples] = useState<Example[]>([]);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [result, setResult] = useState<Analysed | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [cacheSettings, setCacheSettings] = useState<CacheSettings>(DEFAULT_CACHE_SETTINGS);
  const [docked, setDocked] = useState<Docked | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const loading = useRef<Promise<Engine> | null>(null);
  const client = useRef<AnalyzerClient | null>(null);
  const immediate = useRef(false);
  const cache = useMemo(() => cacheInput(cacheSettings), [cacheSettings]);

  const loadEngine = useCallback(() => {
    if (!client.current) {
      client.current = new AnalyzerClient();
      client.current.warm();
    }
    loading.current ??= import("./stage-results").then(
      (mod) => {
        setEngine(mod);
        return mod;
      },
      (error: unknown) => {
        loading.current = null;
        setLoadFailed(true);
        throw error;
      },
    );
    loading.current.catch(() => {});
  }, []);

  const load = useCallback(
    (nextText: string, nextExample: string) => {
      immediate.current = true;
      setNotice(null);
      setText(nextText);
      setExampleId(nextExample);
      setTarget("");
      loadEngine();
    },
    [loadEngine],
  );

  // The latest handler for the bridge, so registration happens once.
  const openRef = useRef<(request: ExplorerRequest) => void>(() => {});
  openRef.current = (request) => {
    const list = readExamples();
    setExamples(list);
    const match = list.find((e) => e.figure === request.source) ?? list.find((e) => e.text === request.text);
    load(request.text, match?.id ?? "");
    // Over the code block, not 1,700 px further down: the page stays where the reader is.
    setDocked(
      (current) =>
        current ?? {
          title: request.title,
          opener: request.opener,
          openerTop: request.opener?.getBoundingClientRect().top ?? null,
          scrollY: window.scrollY,
        },
    );
  };

  useEffect(() => {
    setExamples(readExamples());
    const unregister = registerStageExplorer((request) => openRef.current(request));
    return () => {
      unregister();
      client.current?.dispose();
    };
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!docked || !dialog) return;
    if (!dialog.open) dialog.showModal();
    textareaRef.current?.focus({ preventScroll: true });
  }, [docked]);

  const closeDialog = useCallback(() => {
    setDocked((current) => {
      if (current) {
        // Back where the reader was, on the button they came from.
        requestAnimationFrame(() => {
          const { opener, openerTop } = current;
          if (opener?.isConnected && openerTop !== null)
            window.scrollBy({ top: opener.getBoundingClientRect().top - openerTop, behavior: "instant" });
          else window.scrollTo({ top: current.scrollY, behavior: "instant" });
          opener?.focus({ preventScroll: true });
        });
      }
      return null;
    });
  }, []);

  useEffect(() => {
    if (!engine) return;
    const delay = immediate.current ? 0 : TYPING_DELAY_MS;
    immediate.current = false;
    let live = true;
    const timer = setTimeout(() => {
      client.current ??= new AnalyzerClient();
      setPending(true);
      client.current.run({ text, target, cache }).then((response) => {
        // null: a newer edit replaced this text before its analysis finished.
        if (!live || !response) return;
        setPending(false);
        const value = response.result;
        const used = target && value.ok && !value.analysis.target.explicit ? "" : target;
        if (used !== target) setTarget("");
        setResult({ text, target: used, value, cache: response.cache });
      });
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [engine, text, target, cache]);

  const selectLine = useCallback((line: number) => {
    const area = textareaRef.current;
    if (!area) return;
    const [start, end] = lineRange(area.value, line);
    area.focus();
    area.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 3);
  }, []);

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData("text/plain");
    if (pasted.length < LARGE_PASTE_CHARS) return;
    event.preventDefault();
    const area = event.currentTarget;
    const combined = area.value.slice(0, area.selectionStart) + pasted + area.value.slice(area.selectionEnd);
    const refused = engine?.tooLargeMessage(combined);
    if (refused) {
      // Keep the textarea as it was: a megabyte in a textarea makes every keystroke slow.
      setNotice(`Not pasted (${Math.round(pasted.length / 1024)} KB). ${refused}`);
      return;
    }
    setNotice(null);
    setText(combined);
  };

  const analysis = result?.value.ok ? result.value.analysis : null;
  const status =
    notice ??
    (!result
      ? ""
      : result.value.ok
        ? (engine?.announce(result.value.analysis) ?? "")
        : result.value.error.message);

  const control =
    "w-full min-w-0 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 text-sm disabled:opacity-60";
  const body: ReactNode = (
    <>
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        {examples.length > 0 ? (
          <div className="grid content-start gap-1">
            <label htmlFor={`${id}-example`} className="text-sm font-medium">
              Example from this lesson
            </label>
            <select
              id={`${id}-example`}
              value={exampleId}
              disabled={!mounted}
              onChange={(event) => {
                const example = examples.find((e) => e.id === event.target.value);
                if (example) load(example.text, example.id);
                else setExampleId("");
              }}
              className={`h-9 ${control}`}
            >
              <option value="">None: paste your own</option>
              {examples.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="grid content-start gap-1">
          <label htmlFor={`${id}-target`} className="text-sm font-medium">
            Build target (like <code className="font-mono">docker build --target</code>)
          </label>
          <select
            id={`${id}-target`}
            value={analysis ? target : ""}
            disabled={!mounted || !analysis}
            onChange={(event) => {
              immediate.current = true;
              setTarget(event.target.value);
            }}
            className={`h-9 ${control}`}
          >
            <option value="">Default: the last stage</option>
            {analysis?.stages.slice(0, TARGET_OPTIONS).map((s) => (
              <option key={s.index} value={s.label}>
                #{s.index} {s.name ?? "(unnamed)"}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="mt-3 grid gap-1">
        <div className="flex items-end justify-between gap-2">
          <label htmlFor={`${id}-text`} className="text-sm font-medium">
            Dockerfile
          </label>
          <button
            type="button"
            disabled={!mounted || text === ""}
            onClick={() => {
              load("", "");
              textareaRef.current?.focus();
            }}
            className="rounded border border-[var(--border)] bg-[var(--bg)] px-2 py-0.5 text-xs font-medium text-[var(--fg-muted)] hover:text-[var(--fg)] disabled:opacity-60"
          >
            Clear
          </button>
        </div>
        <textarea
          ref={textareaRef}
          id={`${id}-text`}
          value={text}
          disabled={!mounted}
          onChange={(event) => {
            setNotice(null);
            setText(event.target.value);
          }}
          onPaste={onPaste}
          rows={14}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder={"FROM node:20-alpine AS build\n…"}
          className={`${control} resize-y py-2 font-mono text-[0.8125rem] leading-5`}
        />
      </div>

      <p
        role="status"
        className={`mt-3 text-sm font-medium ${notice ? "text-red-700 dark:text-red-300" : ""}`}
      >
        {status}
      </p>

      <div className="mt-3" aria-busy={pending}>
        {loadFailed ? (
          <p className="text-sm text-red-700 dark:text-red-300">
            The analyser could not be loaded. Check your connection and reload the page.
          </p>
        ) : !engine || !result ? (
          <p className="text-sm text-[var(--fg-muted)]">
            {engine
              ? "Analysing…"
              : "The analysis appears here; the analyser loads when you start using the explorer."}
          </p>
        ) : !result.value.ok ? (
          <p
            className={`rounded-md border px-3 py-2 text-sm ${result.value.error.code === "empty" ? "border-[var(--border)] bg-[var(--bg-soft)]" : "border-red-700/40 bg-red-50 text-red-800 dark:bg-red-950/40 dark:text-red-200"}`}
          >
            {result.value.error.code === "empty" ? "" : "Can't analyse this: "}
            {result.value.error.message}
          </p>
        ) : (
          <engine.StageResults
            analysis={result.value.analysis}
            onSelectLine={selectLine}
            cache={result.cache}
            cacheSettings={cacheSettings}
            onCacheSettings={(next) => {
              immediate.current = false;
              setCacheSettings(next);
            }}
          />
        )}
      </div>
    </>
  );

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-stage-explorer=""
      className="stage-explorer not-prose my-8 scroll-mt-20 rounded-xl border border-[var(--border)] p-4 sm:p-5"
      onFocus={loadEngine}
      onPointerDown={loadEngine}
    >
      <h3 id={`${id}-title`} className="mt-0 text-lg font-semibold">
        Stage explorer
      </h3>
      <p className="mt-1 text-sm text-[var(--fg-muted)]">
        Paste a Dockerfile or load one from this lesson to see its stages, what ships, what BuildKit skips for
        a build target, what the layer cache reuses after a change, and what to improve. Everything runs in
        your browser.
      </p>
      <noscript>
        <p className="mt-3 text-sm">
          The stage explorer needs JavaScript. The Dockerfiles in this lesson read fine without it.
        </p>
      </noscript>
      {docked ? (
        <p className="mt-4 text-sm">
          The explorer is open over the lesson, on <strong>{docked.title}</strong>.{" "}
          <button type="button" onClick={closeDialog} className="text-[var(--link)] underline">
            Close it and show it here
          </button>
        </p>
      ) : (
        body
      )}
      {docked
        ? createPortal(
            <dialog
              ref={dialogRef}
              aria-labelledby={`${id}-dialog-title`}
              onClose={closeDialog}
              onCancel={(event) => {
                event.preventDefault();
                closeDialog();
              }}
              className="stage-explorer-dialog not-prose m-auto w-[min(64rem,calc(100vw-1rem))] max-w-none rounded-xl border border-[var(--border)] bg-[var(--bg)] p-0 text-[var(--fg)] backdrop:bg-black/50"
            >
              <div className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-[var(--border)] bg-[var(--bg)] px-4 py-2 sm:px-5">
                <h2 id={`${id}-dialog-title`} className="min-w-0 break-words text-base font-semibold">
                  Stage explorer: {docked.title}
                </h2>
                <button
                  type="button"
                  onClick={closeDialog}
                  className="shrink-0 rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-1 text-sm font-medium hover:bg-[var(--bg-soft)]"
                >
                  Back to the lesson
                </button>
              </div>
              <div className="px-4 pb-5 sm:px-5">{body}</div>
            </dialog>,
            document.body,
          )
        : null}
    </section>
  );
}
