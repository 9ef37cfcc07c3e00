// Which of a browser's draft and the server's is the one to show, without any clock. The server
// numbers each draft it keeps (a revision); a browser remembers the revision its text builds on and
// whether it holds edits the server has not got. Devices' clocks may be hours apart (a learner's
// clock is client input), so a time never decides; the server refuses a save built on a revision it
// has moved past (lib/exercises/drafts.ts), and the island shows both versions instead of dropping one.

/** This browser's copy of a draft: its text, the server revision it builds on (0: none), and whether it holds unsaved edits. */
export type LocalDraft = { source: string; base: number; dirty: boolean };

/**
 * The server's draft as the browser receives it; `aside` is the other of two different drafts that
 * met when the learner signed in, kept until they choose between the two.
 */
export type ServerDraft = { source: string; revision: number; savedAt: string; aside?: string };

/** The server's answer to a save: kept as a new revision, or refused with the draft it holds instead. */
export type DraftSaveAnswer =
  | { saved: true; revision: number; savedAt: string }
  | { saved: false; current: ServerDraft };

/** What a returning learner's editor shows. */
export type Reconciled =
  | { use: "none" }
  | { use: "local"; local: LocalDraft }
  | { use: "server"; draft: ServerDraft }
  | { use: "conflict"; mine: LocalDraft; theirs: ServerDraft };

/**
 * Decides between this browser's draft and the server's. The server's wins over a copy with nothing
 * unsaved (its text is on the server, and whatever replaced it there was built on it or chosen over
 * it); unsaved edits made on the server's current revision stay; unsaved edits on an older one are a
 * conflict for the learner to settle.
 */
export function reconcileDraft(local: LocalDraft | null, server: ServerDraft | null): Reconciled {
  if (!server) return local ? { use: "local", local } : { use: "none" };
  if (!local) return { use: "server", draft: server };
  if (local.source === server.source)
    return { use: "local", local: { source: local.source, base: server.revision, dirty: false } };
  if (!local.dirty) return { use: "server", draft: server };
  if (local.base === server.revision) return { use: "local", local };
  return { use: "conflict", mine: local, theirs: server };
}

/**
 * This browser's draft after the server answered a save of `sent` while the editor now holds `now`;
 * or the server's draft to show beside the learner's when it refused.
 */
export function afterDraftSave(
  sent: string,
  now: string,
  answer: DraftSaveAnswer,
): { local: LocalDraft } | { conflict: ServerDraft } {
  if (!answer.saved) {
    if (answer.current.source === now)
      return { local: { source: now, base: answer.current.revision, dirty: false } };
    return { conflict: answer.current };
  }
  return { local: { source: now, base: answer.revision, dirty: now !== sent } };
}

/**
 * Reads a browser's stored draft. Drafts kept before revisions (plain text, or `{ source, at }` with
 * the device's time) count as unsaved edits on nothing: if the server holds another text, the
 * learner sees both.
 */
export function parseLocalDraft(stored: string | null): LocalDraft | null {
  if (stored === null) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<LocalDraft> | null;
    if (typeof parsed?.source === "string") {
      const base = typeof parsed.base === "number" && Number.isSafeInteger(parsed.base) ? parsed.base : 0;
      return { source: parsed.source, base: Math.max(0, base), dirty: parsed.dirty !== false || base <= 0 };
    }
  } catch {
    // The plain text of a draft kept before drafts were JSON.
  }
  return { source: stored, base: 0, dirty: true };
}
