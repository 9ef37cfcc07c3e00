"use client";

import useSWR, { mutate, type SWRConfiguration } from "swr";

// What belongs to one visitor (progress, who is signed in, a lesson's thread) comes as JSON from
// private endpoints, beside pages that are the same for everyone. SWR keeps one request per URL
// for every island on the page and drops an answer that arrives after a newer one (or after the
// page set the data itself), so a slow, older response never overwrites what is shown.

export type Snapshot<T> = { status: "loading" | "ready" | "error"; data: T | null };

const OPTIONS: SWRConfiguration = {
  // Fetched when the page needs it and again after the visitor's own writes, not on every focus.
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  revalidateIfStale: false,
  shouldRetryOnError: false,
};

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

/** JSON from a private endpoint, fetched once per page and shared by every island that reads it. */
export function useVisitorData<T>(url: string): Snapshot<T> {
  const { data, error } = useSWR<T>(url, getJson as (url: string) => Promise<T>, OPTIONS);
  return {
    status: error ? "error" : data === undefined ? "loading" : "ready",
    data: data ?? null,
  };
}

/** Fetches `url` again (after a write) and tells every island that reads it. */
export async function refetchVisitorData(url: string): Promise<void> {
  await mutate(url);
}

/** Fetches every URL some island still shows again (after signing in or out, all of it changes). */
export async function refetchAllVisitorData(): Promise<void> {
  await mutate(() => true);
}

/** Shows `data` for `url` at once, as a write answered it: no second request. */
export async function setVisitorData<T>(url: string, data: T): Promise<void> {
  await mutate(url, data, { revalidate: false });
}
