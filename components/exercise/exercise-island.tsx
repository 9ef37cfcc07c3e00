"use client";

import dynamic from "next/dynamic";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { showCourseProgress, useCourseProgress } from "@/components/progress/learner-store";
import { Button, buttonClassName } from "@/components/ui/button";
import { useVisitorData } from "@/components/ui/visitor-data";
import { type ExerciseFormState, submitExerciseFormAction } from "@/lib/exercises/actions";
import { exercisePathOf } from "@/lib/exercises/paths";
import type { PublicExercise } from "@/lib/exercises/types";
import type { CheckView, ExerciseResultView } from "@/lib/exercises/view";
import type { EditorHandle } from "./code-editor";
import { DraftConflict } from "./draft-conflict";
import { askHint, askSolution, submitAttempt, type Target } from "./exercise-api";
import { ExerciseResults } from "./exercise-results";
import { useExerciseDraft } from "./use-exercise-draft";

// CodeMirror arrives only when the learner opens the exercise: its chunk is not in the lesson's
// first load. Until it has loaded, the textarea stays (and works).
const CodeEditor = dynamic(() => import("./code-editor"), { ssr: false });

type Props = {
  exercise: PublicExercise;
  course: string;
  lesson: string;
  /** On the exercise's own page: what the learner submitted last and its result (the no-JavaScript path). */
  initial?: { source: string; result: ExerciseResultView | null; solution: string | null };
  /** A fresh submission id the server chose (the exercise's own page is rendered per request). */
  submissionId?: string;
};

/**
 * The learner's part of an exercise, inside the card that components/exercise/lesson-exercise.tsx
 * renders on the server (title, task, build context): a form with the learner's Dockerfile, the
 * results and the solution. Its props are JSON (a lesson-body island). It
 * works without JavaScript (the textarea posts to a server action whose permalink is the
 * exercise's own page); with it, the textarea becomes CodeMirror when focused, submissions go as
 * JSON, drafts are kept in the browser and on the server for this learner (which signing up or in
 * carries into the account), and the results, hints and solution update in place.
 */
export function ExerciseIsland({ exercise, course, lesson, initial, submissionId: serverId }: Props) {
  const target: Target = { course, lesson, exerciseId: exercise.id, version: exercise.version };
  const permalink = exercisePathOf(course, lesson, exercise.id);
  const [formState, formAction] = useActionState<ExerciseFormState, FormData>(
    submitExerciseFormAction,
    null,
    permalink,
  );
  const [source, setSource] = useState(formState?.source ?? initial?.source ?? exercise.starter);
  const [result, setResult] = useState<ExerciseResultView | null>(initial?.result ?? null);
  const [error, setError] = useState<string | null>(formState?.message ?? null);
  const [solution, setSolution] = useState<string | null>(initial?.solution ?? null);
  const [pending, setPending] = useState(false);
  const [pendingHint, setPendingHint] = useState<string | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Buttons that need JavaScript appear once it runs (without it they would do nothing).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const editor = useRef<EditorHandle | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const cursor = useRef(0);
  const submissionId = useRef<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const signedIn = Boolean(useVisitorData<{ user: unknown }>("/api/me").data?.user);
  const { data: progress } = useCourseProgress(course);
  const tried = Boolean(progress?.exercises?.[`${lesson}/${exercise.id}`]);
  const ids = `exercise-${exercise.id}`;
  const draft = useExerciseDraft({
    course,
    lesson,
    exercise,
    rendered: Boolean(initial),
    known: signedIn || tried,
    source,
    setSource,
    editor,
    setNotice,
    onLatest: (latest) => setResult((r) => r ?? latest),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: target derives from props
  const submit = useCallback(async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    submissionId.current ??= crypto.randomUUID();
    const answer = await submitAttempt(target, submissionId.current, source);
    setPending(false);
    if (!answer.ok) {
      setError(answer.message);
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    submissionId.current = null;
    setResult(answer.data.result);
    void showCourseProgress(course, { ...answer.data.progress, known: true });
    requestAnimationFrame(() => resultRef.current?.focus());
  }, [pending, source, course]);

  const moreHints = async (check: CheckView) => {
    setPendingHint(check.id);
    const answer = await askHint(target, check.id, check.hints.length);
    setPendingHint(null);
    if (!answer.ok) return setError(answer.message);
    setResult(
      (r) =>
        r && {
          ...r,
          checks: r.checks.map((c) =>
            c.id === check.id ? { ...c, hints: [...c.hints, answer.data.hint] } : c,
          ),
        },
    );
  };

  const showSolution = async () => {
    const answer = await askSolution(target);
    if (!answer.ok) return setError(answer.message);
    setSolution(answer.data.solution);
  };

  const goToLine = (line: number) => {
    if (editor.current) return editor.current.goToLine(line);
    const area = textarea.current;
    if (!area) return;
    const lines = area.value.split("\n");
    const offset = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(offset, offset);
  };

  const reset = () => {
    if (
      source !== exercise.starter &&
      !window.confirm("Replace your Dockerfile with the starter? Your changes will be lost.")
    )
      return;
    setSource(exercise.starter);
    editor.current?.replace(exercise.starter);
    setNotice("Back to the starter Dockerfile.");
  };

  return (
    <>
      <form
        action={formAction}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="mt-5"
        noValidate
      >
        <input type="hidden" name="course" value={course} />
        <input type="hidden" name="lesson" value={lesson} />
        <input type="hidden" name="exerciseId" value={exercise.id} />
        <input type="hidden" name="version" value={exercise.version} />
        {serverId ? <input type="hidden" name="submissionId" value={serverId} /> : null}
        <label id={`${ids}-label`} htmlFor={`${ids}-source`} className="mb-2 block font-medium">
          Your Dockerfile
        </label>
        <p id={`${ids}-help`} className="mb-2 text-sm text-[var(--fg-muted)]">
          {editorOpen
            ? "Tab indents; press Escape, then Tab, to leave the editor. Ctrl+Enter checks it."
            : "Edit the starter, then check it: the server analyses the file and runs every check."}
        </p>
        {editorOpen ? (
          <CodeEditor
            initial={source}
            initialCursor={cursor.current}
            labelledBy={`${ids}-label`}
            describedBy={`${ids}-help`}
            onChange={setSource}
            onReady={(handle) => {
              editor.current = handle;
            }}
            onSubmit={() => void submit()}
          />
        ) : null}
        <textarea
          ref={textarea}
          id={`${ids}-source`}
          name="source"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          onFocus={(e) => {
            cursor.current = e.currentTarget.selectionStart;
            setEditorOpen(true);
          }}
          aria-describedby={`${ids}-help`}
          hidden={editorOpen}
          spellCheck={false}
          // A Dockerfile's lines are its meaning (continuations, indentation): long ones scroll
          // sideways inside the box instead of wrapping.
          wrap="off"
          autoCapitalize="off"
          autoComplete="off"
          rows={Math.min(24, Math.max(8, source.split("\n").length + 1))}
          className="block w-full rounded-lg border border-[var(--border)] bg-[var(--code-bg)] p-3 font-mono text-sm"
        />
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Check my Dockerfile"}
          </Button>
          {hydrated ? (
            <Button type="button" variant="secondary" onClick={reset}>
              Reset to starter
            </Button>
          ) : null}
          {notice ? <span className="text-sm text-[var(--fg-muted)]">{notice}</span> : null}
        </div>
        {draft.conflict ? (
          <DraftConflict
            kind={draft.conflict.kind}
            other={draft.conflict.other}
            id={`${ids}-conflict`}
            onKeepMine={draft.keepMine}
            onTakeOther={draft.takeTheirs}
          />
        ) : null}
      </form>

      <div aria-live="polite" aria-atomic="false">
        {error ? (
          <p
            ref={errorRef}
            tabIndex={-1}
            role="alert"
            className="mt-5 rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
          >
            {error}
          </p>
        ) : null}
        {result ? (
          <ExerciseResults
            result={result}
            course={course}
            lesson={lesson}
            exerciseId={exercise.id}
            onLine={goToLine}
            onMoreHints={(check) => void moreHints(check)}
            pendingHint={pendingHint}
            resultRef={resultRef}
            interactive={hydrated}
            stale={Boolean(error)}
          />
        ) : null}
      </div>

      <SolutionPanel
        available={Boolean(result?.solutionAvailable)}
        solution={solution}
        revealAfter={exercise.revealAfterAttempts}
        attempts={result?.attempts ?? 0}
        href={result ? `${permalink}?attempt=${result.attemptId}&solution=1#${ids}-solution` : permalink}
        onShow={() => void showSolution()}
        id={`${ids}-solution`}
      />
    </>
  );
}

const SOLUTION =
  "overflow-x-auto rounded-lg border border-[var(--border)] bg-[var(--code-bg)] p-3 font-mono text-sm";

function SolutionPanel(p: {
  available: boolean;
  solution: string | null;
  revealAfter: number;
  attempts: number;
  href: string;
  onShow: () => void;
  id: string;
}) {
  if (p.solution !== null)
    return (
      <div className="mt-5" id={p.id}>
        <h3 className="mb-2 font-semibold">A reference solution</h3>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable) */}
        <pre tabIndex={0} className={SOLUTION}>
          {p.solution}
        </pre>
      </div>
    );
  if (!p.available)
    return p.attempts > 0 ? (
      <p className="mt-4 text-sm text-[var(--fg-muted)]">
        The reference solution opens once you pass, or after {p.revealAfter}{" "}
        {p.revealAfter === 1 ? "attempt" : "attempts"} ({p.attempts} so far).
      </p>
    ) : null;
  return (
    <p className="mt-4">
      <a
        href={p.href}
        className={buttonClassName({ variant: "secondary", size: "sm" })}
        onClick={(e) => {
          e.preventDefault();
          p.onShow();
        }}
      >
        Show solution
      </a>
    </p>
  );
}
