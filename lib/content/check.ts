import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readCatalog } from "./catalog";
import { CODE_COLOURS_FILE, type CodeColour, shippedCodeColours } from "./code-colours";
import { compileLesson, type PartialLesson } from "./compile";
import { courseListingDiagnostics, frontmatterLine } from "./course-listing";
import type { Diagnostic } from "./diagnostics";

export type CheckProgress = { index: number; total: number; file: string; ms: number; errors: number };
export type CheckReport = {
  lessons: number;
  courses: number;
  diagnostics: Diagnostic[];
  /** Every token class the compiled lessons use, once (what app/code-colours.css must hold). */
  codeColours: CodeColour[];
};

/** Paths outside /courses that lessons may link to. */
const SITE_PATHS = new Set(["/", "/progress"]);

/**
 * The instructor's checker: every course.json and lesson (drafts included) through the same
 * pipeline the site uses, plus what only makes sense across files: slugs and part numbers,
 * links and #anchors that must resolve, images that must exist, code colours the shipped
 * stylesheet must hold.
 */
export async function checkContent(
  options: {
    root?: string;
    publicDir?: string;
    codeColoursFile?: string;
    onProgress?: (p: CheckProgress) => void;
  } = {},
): Promise<CheckReport> {
  const { courses, diagnostics } = readCatalog(options.root);
  const publicDir = options.publicDir ?? path.join(process.cwd(), "public");
  const compiled = new Map<string, PartialLesson>();
  const failed = new Set<string>();
  const codeColours = new Map<string, CodeColour>();
  const shipped = shippedCodeColours(options.codeColoursFile ?? CODE_COLOURS_FILE);
  const all = courses.flatMap((c) => c.lessons.map((l) => ({ course: c, lesson: l })));
  const err = (file: string, line: number, column: number, rule: string, message: string, hint?: string) =>
    diagnostics.push({ file, line, column, severity: "error", rule, message, hint });

  for (const course of courses) {
    const metaFile = path.relative(process.cwd(), path.join(course.dir, "course.json"));
    const seenParts = new Map<number, string>();
    const seenSlugs = new Set<string>();
    for (const part of course.parts) {
      if (seenParts.has(part.part))
        err(
          metaFile,
          1,
          1,
          "course",
          `Part ${part.part} is listed twice (${seenParts.get(part.part)} and ${part.slug})`,
        );
      if (seenSlugs.has(part.slug)) err(metaFile, 1, 1, "course", `Slug "${part.slug}" is listed twice`);
      seenParts.set(part.part, part.slug);
      seenSlugs.add(part.slug);
    }
    const lessonSlugs = new Map<string, string>();
    for (const lesson of course.lessons) {
      const other = lessonSlugs.get(lesson.slug);
      if (other)
        err(
          lesson.displayPath,
          2,
          1,
          "slug",
          `Slug "${lesson.slug}" is also used by ${other}`,
          "Every lesson needs its own slug",
        );
      lessonSlugs.set(lesson.slug, lesson.displayPath);
    }
    const files = readCatalogFiles(course.dir);
    for (const file of files) {
      const entry = course.lessons.find((l) => l.file === file);
      if (!entry) continue;
      const line = frontmatterLine(readFileSync(file, "utf8"), "part");
      diagnostics.push(
        ...courseListingDiagnostics(entry, { file: entry.displayPath, line }, [course], "error"),
      );
    }
  }

  let index = 0;
  for (const { lesson } of all) {
    const t0 = performance.now();
    const result = await compileLesson(readFileSync(lesson.file, "utf8"), lesson.displayPath);
    const found = result.ok ? result.lesson.diagnostics : result.diagnostics;
    diagnostics.push(...found);
    const info = result.ok ? result.lesson : result.partial;
    if (info) compiled.set(`${lesson.course}/${lesson.slug}`, info);
    else failed.add(`${lesson.course}/${lesson.slug}`);
    for (const { className, declarations, line, column } of result.ok ? result.lesson.codeColours : []) {
      codeColours.set(className, { className, declarations });
      if (shipped.get(className) !== declarations)
        err(
          lesson.displayPath,
          line,
          column,
          "code-colours",
          `Code colours ${declarations} (class ${className}) are missing from app/code-colours.css`,
          "Run npm run content:check -- --fix (npm run build does it too), then commit app/code-colours.css",
        );
    }
    options.onProgress?.({
      index: ++index,
      total: all.length,
      file: lesson.displayPath,
      ms: performance.now() - t0,
      errors: found.filter((d) => d.severity === "error").length,
    });
  }

  for (const { course, lesson } of all) {
    const own = compiled.get(`${course.slug}/${lesson.slug}`);
    if (!own) continue;
    for (const link of own.links) {
      const problem = checkLink(
        link.url,
        course.slug,
        own,
        compiled,
        courses.map((c) => c.slug),
        failed,
      );
      if (problem) err(lesson.displayPath, link.line, link.column, "links", problem.message, problem.hint);
    }
    for (const image of own.images) {
      if (/^https?:\/\//.test(image.src)) {
        err(
          lesson.displayPath,
          image.line,
          image.column,
          "images",
          `Image "${image.src}" is not in public/`,
          "Download it into public/images/ and use a /images/… path",
        );
      } else if (!image.src.startsWith("/") || !existsSync(path.join(publicDir, image.src))) {
        err(
          lesson.displayPath,
          image.line,
          image.column,
          "images",
          `Image "${image.src}" does not exist in public/`,
          "Put the file under public/ and refer to it as /images/…",
        );
      }
    }
  }
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return {
    lessons: all.length,
    courses: courses.length,
    diagnostics,
    codeColours: [...codeColours.values()],
  };
}

/** Every .mdx file of a course folder, including ones whose frontmatter failed to parse. */
function readCatalogFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => path.join(dir, f));
}

function checkLink(
  url: string,
  course: string,
  own: PartialLesson,
  compiled: Map<string, PartialLesson>,
  courseSlugs: string[],
  failed: Set<string>,
): { message: string; hint?: string } | null {
  if (/^(https?:|mailto:)/.test(url)) return null;
  if (url.startsWith("#")) {
    const id = decodeURIComponent(url.slice(1));
    if (own.headings.some((h) => h.id === id) || own.quizzes.some((q) => `quiz-${q.id}-title` === id))
      return null;
    return {
      message: `Anchor "${url}" matches no heading in this lesson`,
      hint: `Headings here: ${own.headings
        .slice(0, 6)
        .map((h) => `#${h.id}`)
        .join(", ")}…`,
    };
  }
  if (!url.startsWith("/"))
    return {
      message: `Link "${url}" is relative`,
      hint: "Use a path from the site root, e.g. /courses/docker/volumes",
    };
  const [pathname = "", hash] = url.split("#");
  const clean = pathname.replace(/\/$/, "") || "/";
  if (SITE_PATHS.has(clean)) return null;
  const m = /^\/courses\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(clean);
  if (!m) return { message: `Link "${url}" goes to no page of the site` };
  const [, c, l] = m;
  if (!courseSlugs.includes(c!)) return { message: `Link "${url}": there is no course "${c}"` };
  if (!l) return hash ? { message: `Link "${url}": course pages have no #anchors` } : null;
  const target = compiled.get(`${c}/${l}`);
  if (!target && failed.has(`${c}/${l}`)) return null; // its own errors are already reported
  if (!target)
    return {
      message: `Link "${url}": there is no published lesson "${l}" in ${c === course ? "this course" : c}`,
      hint: "Check the slug, or link once the lesson exists",
    };
  if (hash && !target.headings.some((h) => h.id === hash)) {
    return {
      message: `Link "${url}": "#${hash}" matches no heading in that lesson`,
      hint: `Its headings: ${target.headings
        .slice(0, 6)
        .map((h) => `#${h.id}`)
        .join(", ")}…`,
    };
  }
  return null;
}
