"use client";

import type { ActionResult } from "@/lib/actions/result";

/**
 * Sends one of the learner's writes from an island to its JSON route (app/api/learner/*, the
 * same write pipeline as the page's server actions) and reads the answer as the action would
 * have returned it. A server action would answer with the whole page re-rendered when the write
 * set the learner cookie; the JSON answer is only the write's result.
 */
export async function postWrite<T>(url: string, body: unknown): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      message: "The server could not be reached; check your connection and try again",
      status: 0,
    };
  }
  const answer = (await response.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error?: string; fieldErrors?: Record<string, string> }
    | null;
  if (response.ok && answer) return { ok: true, data: answer as T };
  const retry = Number(response.headers.get("Retry-After"));
  return {
    ok: false,
    message:
      answer && "error" in answer && typeof answer.error === "string"
        ? answer.error
        : `The server could not save this (HTTP ${response.status}); try again`,
    fieldErrors: answer && "fieldErrors" in answer ? answer.fieldErrors : undefined,
    ...(retry > 0 ? { retryAfterSeconds: retry } : {}),
    status: response.status,
  };
}
