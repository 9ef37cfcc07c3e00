"use client";

import { useSyncExternalStore } from "react";

export type Snapshot<T> = { status: "loading" | "ready" | "error"; data: T | null };

type Entry = { snapshot: Snapshot<unknown>; listeners: Set<() => void>; inflight: Promise<void> | null };

const entries = new Map<string, Entry>();
const LOADING: Snapshot<never> = { status: "loading", data: null };

function entryFor(url: string): Entry {
  let entry = entries.get(url);
  if (!entry) {
    entry = { snapshot: LOADING, listeners: new Set(), inflight: null };
    entries.set(url, entry);
  }
  return entry;
}

/** Fetches `url` again and tells every island that reads it. */
export function refetch(url: string): Promise<void> {
  const entry = entryFor(url);
  entry.inflight = fetch(url, { cache: "no-store", credentials: "same-origin" })
    .then(async (res) => {
      if (!res.ok) throw new Error(String(res.status));
      entry.snapshot = { status: "ready", data: await res.json() };
    })
    .catch(() => {
      entry.snapshot = { status: "error", data: entry.snapshot.data };
    })
    .finally(() => {
      entry.inflight = null;
      for (const listener of entry.listeners) listener();
    });
  return entry.inflight;
}

/** Fetches every URL some island still shows again (after signing in or out, all of it changes). */
export async function refetchAll(): Promise<void> {
  await Promise.all(
    [...entries.entries()].filter(([, e]) => e.listeners.size > 0).map(([url]) => refetch(url)),
  );
}

/**
 * JSON from a private endpoint, fetched once per page and shared by every island that asks
 * for the same URL (the static page stays the same for everyone; this is the per-visitor part).
 */
export function useSharedFetch<T>(url: string): Snapshot<T> {
  return useSyncExternalStore(
    (listener) => {
      const entry = entryFor(url);
      entry.listeners.add(listener);
      if (entry.snapshot === LOADING && !entry.inflight) void refetch(url);
      return () => entry.listeners.delete(listener);
    },
    () => entryFor(url).snapshot as Snapshot<T>,
    () => LOADING,
  );
}
