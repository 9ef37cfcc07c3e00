import { readFileSync } from "node:fs";
import { readCatalog } from "../../lib/content/catalog";
import { compileLesson } from "../../lib/content/compile";

export type ContentTimes = { lessons: number; coldAllMs: number; warmOneMs: number; warmLesson: string };

/** Cold compile of every lesson in this (fresh) process, then a warm recompile of the longest. */
export async function measureContent(): Promise<ContentTimes> {
  const lessons = readCatalog().courses.flatMap((c) => c.lessons);
  const sources = lessons.map((l) => ({ l, source: readFileSync(l.file, "utf8") }));
  const t0 = performance.now();
  for (const { l, source } of sources) {
    const r = await compileLesson(source, l.displayPath);
    if (!r.ok) throw new Error(`${l.displayPath} does not compile`);
  }
  const coldAllMs = performance.now() - t0;
  const longest = sources.reduce((a, b) => (b.source.length > a.source.length ? b : a));
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await compileLesson(longest.source, longest.l.displayPath);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return {
    lessons: lessons.length,
    coldAllMs: Math.round(coldAllMs),
    warmOneMs: Math.round(runs[2]!),
    warmLesson: longest.l.slug,
  };
}
