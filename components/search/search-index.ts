"use client";

import { createSectionSearch, type SearchSectionRef, type SectionSearch } from "@/lib/search/match";

let searchPromise: Promise<SectionSearch> | null = null;

/**
 * The search over the prebuilt index (/search-index.json), fetched and built once per page
 * when first needed: by the search dialog, or by a lesson opened from a search to highlight.
 * A failed fetch is not remembered, so the next attempt asks again.
 */
export function loadSectionSearch(): Promise<SectionSearch> {
  searchPromise ??= fetch("/search-index.json")
    .then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<{ sections: SearchSectionRef[] }>;
    })
    .then((d) => createSectionSearch(d.sections))
    .catch((error) => {
      searchPromise = null;
      throw error;
    });
  return searchPromise;
}

/** The query-string parameter that carries a search to the page it opened. */
export const HIGHLIGHT_PARAM = "highlight";
