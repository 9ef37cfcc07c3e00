"use client";

import Form from "next/form";
import {
  type ReactNode,
  Suspense,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Diagnostic } from "@/lib/content/diagnostics";
import { previewLessonAction } from "@/lib/instructor/actions";
import { lessonFileName } from "@/lib/instructor/filename";
import {
  PREVIEW_DEBOUNCE_MS,
  PREVIEW_MAX_BYTES,
  sourceBytes,
  tooLargeMessage,
} from "@/lib/instructor/limits";
import { DiagnosticsList } from "./diagnostics-list";
import { PreviewBoundary } from "./preview-boundary";
import { SourceEditor, type SourceEditorHandle } from "./source-editor";

export type LessonOption = { value: string; label: string };

/** What the page rendered on the server for a lesson opened with ?lesson=. */
export type InitialPreview = {
  key: string;
  source: string;
  preview: ReactNode;
  diagnostics: Diagnostic[];
  ms?: number;
  /** Why there is no preview (a limit), if so. */
  message?: string;
};

type Shown = { node: ReactNode; version: number; stale: boolean };
type Status =
  | { kind: "empty" }
  | { kind: "compiling" }
  | { kind: "done"; ms: number; errors: number }
  | { kind: "refused"; message: string };

/**
 * Bigger than this is not sent: the server would refuse it with the same words, and a body
 * past the server's request limit would get only a status, not the message.
 */
const SEND_LIMIT_BYTES = PREVIEW_MAX_BYTES;

const button =
  "rounded-md border border-[var(--border)] px-3 py-1.5 text-sm font-medium hover:bg-[var(--bg-soft)] disabled:opacity-60";

/**
 * The live preview: an editor, the compile's problems (each jumps to its line and column),
 * and the lesson rendered on the server by the same pipeline and components as lesson pages,
 * refreshed ~400 ms after typing stops. Nothing here writes to content/.
 */
export function PreviewWorkbench({
  lessons,
  picked,
  template,
  initial,
}: {
  lessons: LessonOption[];
  picked?: string;
  template: string;
  initial: InitialPreview | null;
}) {
  const [source, setSource] = useState(initial?.source ?? "");
  const [shown, setShown] = useState<Shown | null>(
    initial?.preview ? { node: initial.preview, version: 0, stale: false } : null,
  );
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>(initial?.diagnostics ?? []);
  const [status, setStatus] = useState<Status>(() => {
    if (!initial) return { kind: "empty" };
    if (initial.message) return { kind: "refused", message: initial.message };
    const errors = initial.diagnostics.filter((d) => d.severity === "error").length;
    return { kind: "done", ms: initial.ms ?? 0, errors };
  });
  // How many edits have been answered (compiled or refused): lets tests and the benchmark wait
  // for "this" one.
  const [answered, setAnswered] = useState(0);
  // The problems' region has a fixed height (the editor below stays put while the author types)
  // unless the author asks it to hold every problem.
  const [allProblems, setAllProblems] = useState(false);
  const editor = useRef<SourceEditorHandle>(null);
  const problems = useRef<HTMLElement>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const compile = useCallback(async (text: string) => {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    if (text.trim() === "") {
      setStatus({ kind: "empty" });
      setDiagnostics([]);
      setShown(null);
      return;
    }
    const bytes = sourceBytes(text);
    if (bytes > SEND_LIMIT_BYTES) {
      setStatus({ kind: "refused", message: tooLargeMessage(bytes) });
      setShown((s) => s && { ...s, stale: true });
      setAnswered((n) => n + 1);
      return;
    }
    setStatus({ kind: "compiling" });
    let result: Awaited<ReturnType<typeof previewLessonAction>>;
    try {
      result = await previewLessonAction({ source: text });
    } catch {
      result = {
        ok: false,
        message: "The server could not be reached. Check your connection; editing goes on.",
        status: 0,
      };
    }
    if (mine !== seq.current) return; // a newer edit is on its way
    startTransition(() => {
      setAnswered((n) => n + 1);
      if (!result.ok) {
        setStatus({ kind: "refused", message: result.message });
        setDiagnostics([]);
        setShown((s) => s && { ...s, stale: true });
        return;
      }
      const { preview, diagnostics: found, ms } = result.data;
      setDiagnostics(found);
      setStatus({ kind: "done", ms, errors: found.filter((d) => d.severity === "error").length });
      setShown((s) =>
        preview ? { node: preview, version: mine, stale: false } : s && { ...s, stale: true },
      );
    });
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  // When errors appear, bring their list into view if it was scrolled away, unless the author is
  // typing in the editor: scrolling then would move the text under their cursor.
  const errorCount = status.kind === "done" ? status.errors : 0;
  const hadErrors = useRef(errorCount > 0);
  useEffect(() => {
    const typing = document.activeElement?.id === "lesson-source";
    if (errorCount > 0 && !hadErrors.current && !typing)
      problems.current?.scrollIntoView({ block: "nearest" });
    hadErrors.current = errorCount > 0;
  }, [errorCount]);

  const edit = (text: string) => {
    setSource(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void compile(text), PREVIEW_DEBOUNCE_MS);
  };
  const replace = (text: string) => {
    setSource(text);
    void compile(text);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([source], { type: "text/markdown;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = lessonFileName(source);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const errorLines = useMemo(
    () => new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.line)),
    [diagnostics],
  );

  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="min-w-0 xl:sticky xl:top-20 xl:self-start">
        <fieldset className="flex flex-wrap items-end gap-2 border-0 p-0">
          <legend className="mb-2 text-sm font-semibold">Start from</legend>
          <button type="button" className={button} onClick={() => replace("")}>
            Empty page
          </button>
          <button type="button" className={button} onClick={() => replace(template)}>
            Template
          </button>
          <Form action="/instructor/preview" className="flex flex-wrap items-end gap-2">
            <label className="grid gap-1 text-sm">
              <span>Existing lesson</span>
              <select
                name="lesson"
                defaultValue={picked ?? lessons.find((l) => l.value.endsWith("/multi-stage-builds"))?.value}
                className="max-w-72 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1.5"
              >
                {lessons.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={button}>
              Open lesson
            </button>
          </Form>
        </fieldset>

        <div className="mt-4 flex items-end justify-between gap-2">
          <label htmlFor="lesson-source" className="text-sm font-semibold">
            Lesson source (MDX)
          </label>
          <button type="button" className={button} onClick={download} disabled={source === ""}>
            Download .mdx
          </button>
        </div>
        {/* The status and the problems sit between the label and the editor, where the author
            is looking while typing (below a 70vh editor they were out of sight), in a region of
            fixed height: problems coming and going scroll inside it and never push the editor
            down under the author's cursor (unless the author asked to see them all). */}
        <div
          className={`mt-2 flex flex-col gap-2 ${allProblems ? "min-h-44" : "h-44"}`}
          data-problems-region=""
        >
          <p
            id="preview-status"
            role="status"
            className="min-h-6 shrink-0 text-sm"
            data-status={status.kind}
            data-answered={answered}
          >
            <StatusText status={status} stale={Boolean(shown?.stale)} />
          </p>
          {status.kind === "refused" ? (
            <p
              role="alert"
              className="min-h-0 shrink overflow-y-auto rounded-md border border-red-700/50 px-3 py-2 text-sm text-red-800 dark:text-red-200"
            >
              {status.message}
            </p>
          ) : null}
          {status.kind === "done" || (status.kind === "compiling" && diagnostics.length > 0) ? (
            <DiagnosticsList
              ref={problems}
              id="preview-problems"
              diagnostics={diagnostics}
              onPick={(d) => editor.current?.moveTo(d.line, d.column)}
              expanded={allProblems}
              onExpandedChange={setAllProblems}
            />
          ) : null}
        </div>
        <div className="mt-2">
          <SourceEditor
            ref={editor}
            id="lesson-source"
            value={source}
            onChange={edit}
            errorLines={errorLines}
            describedBy="preview-status"
          />
        </div>
      </div>

      <section
        aria-labelledby="preview-pane-title"
        className="min-w-0"
        data-preview-version={shown?.version ?? 0}
        data-preview-stale={shown?.stale ? "true" : "false"}
      >
        <h2 id="preview-pane-title" className="sr-only">
          Preview
        </h2>
        {shown ? (
          <div className={shown.stale ? "opacity-60" : undefined}>
            <PreviewBoundary version={shown.version}>
              <Suspense fallback={<p>Rendering…</p>}>{shown.node}</Suspense>
            </PreviewBoundary>
          </div>
        ) : (
          <p className="rounded-lg border border-dashed border-[var(--border)] p-6 text-[var(--fg-muted)]">
            The preview appears here. Start from the template or an existing lesson, or type MDX in the
            editor.
          </p>
        )}
      </section>
    </div>
  );
}

function StatusText({ status, stale }: { status: Status; stale: boolean }) {
  switch (status.kind) {
    case "empty":
      return "Nothing to preview yet.";
    case "compiling":
      return "Compiling…";
    case "refused":
      return stale ? "Not compiled; the preview shows the last version that compiled." : "Not compiled.";
    case "done":
      return status.errors > 0
        ? `Compiled with ${status.errors} ${status.errors === 1 ? "error" : "errors"} in ${status.ms} ms${stale ? "; the preview shows the last version without errors" : ""}.`
        : `Preview updated (compiled in ${status.ms} ms).`;
  }
}
