"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import {
  afterDraftSave,
  type LocalDraft,
  parseLocalDraft,
  reconcileDraft,
  type ServerDraft,
} from "@/lib/exercises/draft-sync";
import type { PublicExercise } from "@/lib/exercises/types";
import { draftStorageKey, type ExerciseState } from "@/lib/exercises/view";
import type { EditorHandle } from "./code-editor";
import { loadState, putDraft } from "./exercise-api";

type Options = {
  course: string;
  lesson: string;
  exercise: PublicExercise;
  /** The exercise's own page rendered what the learner submitted last: no draft is restored over it. */
  rendered: boolean;
  /** Whether the server may hold something for this learner (signed in, or tried the exercise). */
  known: boolean;
  source: string;
  setSource: (source: string) => void;
  editor: RefObject<EditorHandle | null>;
  setNotice: (notice: string) => void;
  onLatest: (latest: NonNullable<ExerciseState["latest"]>) => void;
};

/**
 * Another version of the draft shown beside the editor's: the server's draft that another tab or
 * device saved in between ("device"), or the other of two drafts that met at sign-in ("sign-in").
 */
export type DraftConflictState = { kind: "device" | "sign-in"; other: ServerDraft };

/**
 * The learner's draft of an exercise: kept in this browser at every change and on the server a
 * moment after typing stops, each save naming the server revision it builds on. Which draft a
 * returning learner sees is decided by revisions, never by a device's clock
 * (lib/exercises/draft-sync.ts); when another tab or device saved in between, or signing in set a
 * draft aside, `conflict` holds the other version and saving waits until the learner chooses.
 */
export function useExerciseDraft(o: Options) {
  const { course, lesson, exercise, source } = o;
  const target = { course, lesson, exerciseId: exercise.id };
  const [conflict, setConflictState] = useState<DraftConflictState | null>(null);
  // A draft set aside at sign-in that waits to be shown (after a device conflict is settled).
  const aside = useRef<ServerDraft | null>(null);
  /** Remembers the draft set aside at sign-in that the server's answer carries, if any. */
  const noteAside = (server: ServerDraft) => {
    if (server.aside !== undefined) aside.current = { ...server, source: server.aside };
  };
  const setConflict = (other: ServerDraft) => {
    noteAside(other);
    setConflictState({ kind: "device", other });
  };
  /** Shows the draft set aside at sign-in, unless the editor already holds that very text. */
  const showAside = (editorText: string) => {
    const waiting = aside.current;
    if (!waiting) return false;
    if (waiting.source === editorText) return false;
    setConflictState({ kind: "sign-in", other: waiting });
    return true;
  };
  // The server revision the editor's text builds on, and the text last sent to the server.
  const base = useRef(0);
  const saved = useRef(source);
  const latest = useRef(source);
  latest.current = source;
  const store = (draft: LocalDraft) => writeLocal(course, lesson, exercise.id, exercise.starter, draft);

  // A returning learner: this browser's draft first; then, when the server may hold one, the
  // reconciled pair (the server's, this browser's, or both when they went separate ways).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per exercise (the setters are stable)
  useEffect(() => {
    if (o.rendered) return;
    const local = readLocal(course, lesson, exercise.id);
    if (!local) return;
    base.current = local.base;
    if (!local.dirty) saved.current = local.source;
    if (local.source !== exercise.starter) {
      o.setSource(local.source);
      o.setNotice("Your draft from this browser was restored.");
    }
  }, [course, lesson, exercise.id, exercise.starter, o.rendered]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per exercise when the learner is known
  useEffect(() => {
    if (o.rendered || !o.known) return;
    let live = true;
    void loadState(target).then((state) => {
      if (!live || !state) return;
      if (state.latest && state.latest.version === exercise.version) o.onLatest(state.latest);
      // What the editor holds now counts (the learner may have typed while this loaded).
      const local = readLocal(course, lesson, exercise.id);
      const r = reconcileDraft(local, state.draft);
      if (r.use === "server") {
        base.current = r.draft.revision;
        saved.current = r.draft.source;
        store({ source: r.draft.source, base: r.draft.revision, dirty: false });
        if (r.draft.source !== latest.current) {
          o.setSource(r.draft.source);
          o.editor.current?.replace(r.draft.source);
          o.setNotice("Your saved draft was restored.");
        }
      } else if (r.use === "local") {
        base.current = r.local.base;
        if (!r.local.dirty) saved.current = r.local.source;
        store(r.local);
      } else if (r.use === "conflict") return setConflict(r.theirs);
      if (state.draft?.aside === undefined) return;
      noteAside(state.draft);
      showAside(r.use === "server" ? r.draft.source : latest.current);
    });
    return () => {
      live = false;
    };
  }, [o.known, o.rendered, course, lesson, exercise.id, exercise.version]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: target derives from the listed values
  const save = useCallback(
    async (sent: string, settlesAside = false) => {
      saved.current = sent;
      const answer = await putDraft(target, sent, base.current, settlesAside);
      // Not reached or refused (bad input): this browser keeps the draft, marked unsaved.
      if (!answer.ok) return;
      if (settlesAside && answer.data.saved) aside.current = null;
      const next = afterDraftSave(sent, latest.current, answer.data);
      if ("conflict" in next) return setConflict(next.conflict);
      base.current = next.local.base;
      store(next.local);
      // The server holds a draft set aside at sign-in that this editor has not shown yet.
      if (!answer.data.saved && answer.data.current.aside !== undefined) {
        noteAside(answer.data.current);
        showAside(latest.current);
      }
    },
    [course, lesson, exercise.id, exercise.starter],
  );

  // Every change in this browser at once; to the server a moment after typing stops (an
  // anonymous learner's too, so that signing up or in carries it into the account). While a
  // conflict is shown nothing is sent: the learner decides first.
  // The first run sees the page's text, not an edit (and must not undo a restore in the same commit).
  const mounted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: store derives from the listed values
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (source === saved.current) return;
    store({ source, base: base.current, dirty: true });
    if (conflict) return;
    const timer = setTimeout(() => void save(source), 1500);
    return () => clearTimeout(timer);
  }, [source, conflict, save]);

  /** The learner keeps the text in the editor: it is saved over the other version. */
  const keepMine = () => {
    if (!conflict) return;
    base.current = conflict.other.revision;
    setConflictState(null);
    if (conflict.kind === "sign-in") return void save(latest.current, true);
    if (!showAside(latest.current)) void save(latest.current);
  };

  /** The learner takes the other version: it replaces the editor's text. */
  const takeTheirs = () => {
    if (!conflict) return;
    const { kind, other } = conflict;
    base.current = other.revision;
    o.setSource(other.source);
    o.editor.current?.replace(other.source);
    o.setNotice(
      kind === "sign-in" ? "The other draft is in the editor." : "The other version is in the editor.",
    );
    setConflictState(null);
    // The draft set aside is not the server's draft: taking it is a save.
    if (kind === "sign-in") {
      store({ source: other.source, base: other.revision, dirty: true });
      return void save(other.source, true);
    }
    saved.current = other.source;
    store({ source: other.source, base: other.revision, dirty: false });
    showAside(other.source);
  };

  return { conflict, keepMine, takeTheirs };
}

/** This browser's draft of an exercise (see parseLocalDraft for drafts kept before revisions). */
function readLocal(course: string, lesson: string, id: string): LocalDraft | null {
  try {
    return parseLocalDraft(window.localStorage.getItem(draftStorageKey(course, lesson, id)));
  } catch {
    return null;
  }
}

/** Keeps the draft in this browser (the starter with nothing unsaved is no draft). */
function writeLocal(course: string, lesson: string, id: string, starter: string, draft: LocalDraft) {
  try {
    const key = draftStorageKey(course, lesson, id);
    if (draft.source === starter && !draft.dirty) return window.localStorage.removeItem(key);
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the draft lives in the page until it is submitted.
  }
}
