import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSectionSearch, type SearchSectionRef, wordsIn } from "@/lib/search/match";

const section = (part: number, heading: string, text: string): SearchSectionRef => ({
  course: "docker",
  lesson: `part-${part}`,
  part,
  title: `Part ${part}`,
  id: heading.toLowerCase().replace(/\W+/g, "-"),
  heading,
  text,
});

const sections = [
  section(4, "Writing Dockerfiles", "A Dockerfile lists the steps that build an image."),
  section(7, "Multi-stage builds", "Copy only what runs: COPY --from=build keeps the compiler out."),
  section(7, "Choosing a base image", "Smaller bases pull faster; alpine is small."),
  section(8, "Compose files", "Compose starts several containers from one file."),
];
const search = createSectionSearch(sections);
const headings = (query: string) => search(query).map((h) => h.heading);

describe("search", () => {
  it("finds a hyphenated word with or without its hyphen", () => {
    expect(headings("multistage")[0]).toBe("Multi-stage builds");
    expect(headings("multi-stage")[0]).toBe("Multi-stage builds");
    expect(headings("multi stage")[0]).toBe("Multi-stage builds");
  });

  it("finds words from their beginning and forgives a typo in a longer word", () => {
    expect(headings("dockerfil")[0]).toBe("Writing Dockerfiles");
    expect(headings("contianers")).toContain("Compose files");
  });

  it("needs every word of the query, and ranks the exact phrase first", () => {
    expect(headings("alpine compose")).toEqual([]);
    expect(headings("COPY --from")[0]).toBe("Multi-stage builds");
  });

  it("names the matched words and shows them in the snippet", () => {
    const [hit] = search("multistage");
    expect(hit!.terms).toContain("multistage");
    const [copy] = search("copy --from");
    expect(copy!.snippet.match).toBe("COPY --from");
  });

  it("searches one lesson when asked", () => {
    const hits = search("image", { within: { course: "docker", lesson: "part-4" } });
    expect(hits.map((h) => h.lesson)).toEqual(["part-4"]);
  });

  it("ignores a query shorter than two characters", () => {
    expect(search(" a ")).toEqual([]);
  });
});

describe("wordsIn", () => {
  it("gives each word's term and place, and a compound's joined form over the whole compound", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 80 }), (text) => {
        for (const w of wordsIn(text)) {
          const shown = text.slice(w.start, w.end);
          expect(shown.replace(/[-'’]/g, "").toLowerCase()).toBe(w.term);
          expect(w.term.length).toBeGreaterThan(0);
        }
      }),
    );
    expect(wordsIn("A multi-stage build")).toEqual([
      { term: "a", start: 0, end: 1 },
      { term: "multi", start: 2, end: 7 },
      { term: "stage", start: 8, end: 13 },
      { term: "multistage", start: 2, end: 13 },
      { term: "build", start: 14, end: 19 },
    ]);
  });
});
