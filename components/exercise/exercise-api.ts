"use client";

import type { ProgressResponse } from "@/components/progress/learner-store";
import type { DraftSaveAnswer } from "@/lib/exercises/draft-sync";
import type { ExerciseResultView, ExerciseState } from "@/lib/exercises/view";

// The island's requests: JSON to app/api/learner/exercise-*, never a server action (a write
// that sets the learner's cookie from a lesson would make the router render the lesson again).

type Answer<T> = { ok: true; data: T } | { ok: false; message: string };

async function send<T>(url: string, body: unknown, method = "POST"): Promise<Answer<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
    if (response.ok && json) return { ok: true, data: json };
    return { ok: false, message: json?.error ?? `The server answered ${response.status}; please try again.` };
  } catch {
    return {
      ok: false,
      message: "The server could not be reached. Your Dockerfile is kept here; try again.",
    };
  }
}

export type Target = { course: string; lesson: string; exerciseId: string; version: string };

/** Submits a Dockerfile for grading. */
export const submitAttempt = (t: Target, submissionId: string, source: string) =>
  send<{ result: ExerciseResultView; progress: ProgressResponse }>("/api/learner/exercise-attempts", {
    ...t,
    submissionId,
    source,
  });

/** Asks for hint `index` (1-based after the first) of a check; the request is recorded. */
export const askHint = (t: Target, checkId: string, index: number) =>
  send<{ checkId: string; index: number; hint: string }>("/api/learner/exercise-hints", {
    ...t,
    checkId,
    index: String(index),
  });

/** Asks for the reference solution (the server applies the reveal rule). */
export const askSolution = (t: Target) => send<{ solution: string }>("/api/learner/exercise-solutions", t);

/**
 * Keeps this learner's draft on the server (anonymous or signed in) if it builds on revision `base`
 * of the server's; otherwise the answer carries the server's draft.
 */
export const putDraft = (t: Omit<Target, "version">, source: string, base: number, settlesAside = false) =>
  send<DraftSaveAnswer>(
    "/api/learner/exercise-drafts",
    { ...t, source, base: String(base), ...(settlesAside ? { settles: "aside" } : {}) },
    "PUT",
  );

/** The account's draft and the latest result, for a learner returning to an exercise. */
export async function loadState(t: Omit<Target, "version">): Promise<ExerciseState | null> {
  const query = new URLSearchParams({ course: t.course, lesson: t.lesson, exercise: t.exerciseId });
  try {
    const response = await fetch(`/api/learner/exercise-drafts?${query}`, { cache: "no-store" });
    return response.ok ? ((await response.json()) as ExerciseState) : null;
  } catch {
    return null;
  }
}
