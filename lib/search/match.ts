import MiniSearch, { type SearchResult } from "minisearch";

/** A searchable section (what the browser receives in /search-index.json). */
export type SearchSectionRef = {
  course: string;
  lesson: string;
  part: number;
  title: string;
  id: string | null;
  heading: string;
  text: string;
};

export type SearchHit = SearchSectionRef & {
  score: number;
  /** The words of the section that matched the query (as indexed: lower case, compounds joined). */
  terms: string[];
  snippet: { before: string; match: string; after: string };
};

/** One word of a text: its search term and where it stands in the text. */
export type Word = { term: string; start: number; end: number };

// A word, possibly hyphenated or with an apostrophe ("multi-stage", "Docker's").
const WORD = /[\p{L}\p{N}_]+(?:[-'’][\p{L}\p{N}_]+)*/gu;
const PART = /[\p{L}\p{N}_]+/gu;

/**
 * The words of `text`, each as a lower-case term with its place. A compound such as
 * "multi-stage" gives its parts ("multi", "stage") and the joined form ("multistage"), so a
 * search for either spelling finds it, and a highlight can cover the whole compound.
 */
export function wordsIn(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const parts = [...m[0].matchAll(PART)];
    for (const p of parts) {
      words.push({ term: p[0].toLowerCase(), start: start + p.index, end: start + p.index + p[0].length });
    }
    if (parts.length > 1) {
      words.push({
        term: parts
          .map((p) => p[0])
          .join("")
          .toLowerCase(),
        start,
        end: start + m[0].length,
      });
    }
  }
  return words;
}

const tokenize = (text: string) => wordsIn(text).map((w) => w.term);

/** A search over the sections of every lesson, built once per page from the prebuilt index. */
export type SectionSearch = (
  query: string,
  options?: { limit?: number; within?: { course: string; lesson: string } },
) => SearchHit[];

/**
 * Builds the search (MiniSearch, in the browser): every word of the query must match a word of
 * the section, as a prefix ("dockerfil" finds "Dockerfile") or, for longer words, with a typo
 * or two; compounds match with or without their hyphen. Headings weigh more than text, and the
 * query's exact phrase ranks a section higher still.
 */
export function createSectionSearch(sections: SearchSectionRef[]): SectionSearch {
  const engine = new MiniSearch<SearchSectionRef & { key: number }>({
    idField: "key",
    fields: ["heading", "text"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      combineWith: "AND",
      boost: { heading: 3 },
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    },
  });
  engine.addAll(sections.map((s, key) => ({ ...s, key })));

  return (query, { limit = 12, within } = {}) => {
    const phrase = query.trim().replace(/\s+/g, " ").toLowerCase();
    if (phrase.length < 2) return [];
    const filter = within
      ? (r: SearchResult) => {
          const s = sections[r.id as number]!;
          return s.course === within.course && s.lesson === within.lesson;
        }
      : undefined;
    return engine
      .search(phrase, { filter })
      .map((r) => {
        const s = sections[r.id as number]!;
        let score = r.score;
        if (s.heading.toLowerCase().includes(phrase)) score *= 2;
        if (s.text.toLowerCase().includes(phrase)) score *= 1.5;
        return { ...s, score, terms: r.terms, snippet: snippetOf(s.text, phrase, r.terms) };
      })
      .sort((a, b) => b.score - a.score || a.part - b.part)
      .slice(0, limit);
  };
}

/** Some text around the first place the phrase, or else a matched word, appears. */
function snippetOf(text: string, phrase: string, terms: string[]): SearchHit["snippet"] {
  let at = text.toLowerCase().indexOf(phrase);
  let end = at + phrase.length;
  if (at < 0) {
    const matched = new Set(terms);
    const word = wordsIn(text).find((w) => matched.has(w.term));
    if (!word) return { before: text.slice(0, 140) + (text.length > 140 ? "…" : ""), match: "", after: "" };
    at = word.start;
    end = word.end;
  }
  const start = Math.max(0, at - 60);
  return {
    before: (start > 0 ? "…" : "") + text.slice(start, at),
    match: text.slice(at, end),
    after: text.slice(end, end + 100) + (end + 100 < text.length ? "…" : ""),
  };
}
