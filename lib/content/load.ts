import { readFileSync, statSync } from "node:fs";
import type { LessonEntry } from "./catalog";
import { type CompiledLesson, compileLesson } from "./compile";
import { ContentError } from "./diagnostics";

type CacheEntry = { stamp: string; promise: Promise<CompiledLesson> };
const globalForCache = globalThis as unknown as { lecternLessons?: Map<string, CacheEntry> };
globalForCache.lecternLessons ??= new Map();
const cache = globalForCache.lecternLessons;

/**
 * The compiled lesson for a catalog entry. Compiled once per process and file version
 * (modification time and size), so a saved edit recompiles on the next request in dev.
 * Throws ContentError with located diagnostics when the lesson is invalid.
 */
export function loadLesson(entry: Pick<LessonEntry, "file" | "displayPath">): Promise<CompiledLesson> {
  const stat = statSync(entry.file);
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const hit = cache.get(entry.file);
  if (hit && hit.stamp === stamp) return hit.promise;
  const promise = compileLesson(readFileSync(entry.file, "utf8"), entry.displayPath).then((result) => {
    if (!result.ok) throw new ContentError(result.diagnostics);
    return result.lesson;
  });
  promise.catch(() => cache.delete(entry.file));
  cache.set(entry.file, { stamp, promise });
  return promise;
}
