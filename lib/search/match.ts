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
  snippet: { before: string; match: string; after: string };
};

const fold = (s: string) => s.toLowerCase();

/**
 * Finds sections containing every word of the query (case-insensitive), ranked so that the
 * exact phrase and matches in headings come first. Pure and synchronous: runs per keystroke
 * in the browser over the prebuilt index, with no server round trip.
 */
export function searchSections(sections: SearchSectionRef[], query: string, limit = 12): SearchHit[] {
  const phrase = fold(query.trim().replace(/\s+/g, " "));
  if (phrase.length < 2) return [];
  const terms = phrase.split(" ").filter(Boolean);
  const hits: SearchHit[] = [];
  for (const s of sections) {
    const heading = fold(s.heading);
    const text = fold(s.text);
    if (!terms.every((t) => heading.includes(t) || text.includes(t))) continue;
    let score = 0;
    if (heading.includes(phrase)) score += 10;
    if (text.includes(phrase)) score += 6;
    for (const t of terms) {
      if (heading.includes(t)) score += 3;
      if (text.includes(t)) score += 1 + Math.min(3, text.split(t).length - 2) * 0.5;
    }
    const at = text.indexOf(phrase) >= 0 ? text.indexOf(phrase) : text.indexOf(terms[0]!);
    const len = text.indexOf(phrase) >= 0 ? phrase.length : terms[0]!.length;
    const start = Math.max(0, at - 60);
    const snippet =
      at < 0
        ? { before: s.text.slice(0, 140), match: "", after: "" }
        : {
            before: (start > 0 ? "…" : "") + s.text.slice(start, at),
            match: s.text.slice(at, at + len),
            after: s.text.slice(at + len, at + len + 100) + (at + len + 100 < s.text.length ? "…" : ""),
          };
    hits.push({ ...s, score, snippet });
  }
  return hits.sort((a, b) => b.score - a.score || a.part - b.part).slice(0, limit);
}
