import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import type { Diagnostic } from "./diagnostics";
import { ContentError } from "./diagnostics";
import { parseFrontmatter } from "./frontmatter";
import { type CourseMeta, CourseMetaSchema, type LessonFrontmatter } from "./schema";

/** Where courses live: content/courses, or the folder LECTERN_CONTENT_DIR names. */
export function contentRoot(): string {
  const override = env().LECTERN_CONTENT_DIR;
  return override
    ? path.resolve(/*turbopackIgnore: true*/ override)
    : path.join(process.cwd(), "content", "courses");
}

/** Drafts show in development and tests of the checker, never in a production build. */
export function includeDrafts(): boolean {
  return process.env.NODE_ENV !== "production";
}

export type LessonEntry = LessonFrontmatter & {
  course: string;
  /** Absolute path of the MDX file. */
  file: string;
  /** Path relative to the project, for messages. */
  displayPath: string;
};

/** A part of a course as listed in course.json, with its lesson when one is published. */
export type CoursePart = { part: number; slug: string; title: string; lesson: LessonEntry | null };

export type Course = Omit<CourseMeta, "parts"> & {
  dir: string;
  parts: CoursePart[];
  /** Published lessons in part order. */
  lessons: LessonEntry[];
  totalMinutes: number;
};

export type CatalogResult = { courses: Course[]; diagnostics: Diagnostic[] };

function display(file: string): string {
  return path.relative(/*turbopackIgnore: true*/ process.cwd(), file) || file;
}

/** Estimated minutes when a lesson's frontmatter gives none: a quick word count of the file. */
function estimateMinutes(source: string): number {
  const prose = source.replace(/```[\s\S]*?```/g, " ");
  const words = prose.split(/\s+/).filter(Boolean).length;
  const blocks = (source.match(/```/g)?.length ?? 0) / 2;
  return Math.max(1, Math.ceil(words / 220 + blocks * 0.3));
}

/**
 * Reads every course.json and every lesson's frontmatter (no MDX compile): the catalog that
 * navigation, listings and the seed use. Problems come back as diagnostics.
 */
export function readCatalog(root = contentRoot()): CatalogResult {
  const diagnostics: Diagnostic[] = [];
  const courses: Course[] = [];
  if (!existsSync(root)) return { courses, diagnostics };
  for (const dirName of readdirSync(root).sort()) {
    const dir = path.join(root, dirName);
    if (!statSync(dir).isDirectory()) continue;
    const metaFile = path.join(dir, "course.json");
    if (!existsSync(metaFile)) {
      diagnostics.push({
        file: display(dir),
        line: 1,
        column: 1,
        severity: "error",
        rule: "course",
        message: "Course folder has no course.json",
        hint: "Add one (see content/AUTHORING.md)",
      });
      continue;
    }
    let raw: unknown;
    const metaText = readFileSync(metaFile, "utf8");
    try {
      raw = JSON.parse(metaText);
    } catch (error) {
      diagnostics.push({
        file: display(metaFile),
        line: 1,
        column: 1,
        severity: "error",
        rule: "course",
        message: `course.json is not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    const parsed = CourseMetaSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.at(-1);
        const idx = typeof key === "string" ? metaText.indexOf(`"${key}"`) : -1;
        const line = idx >= 0 ? metaText.slice(0, idx).split("\n").length : 1;
        diagnostics.push({
          file: display(metaFile),
          line,
          column: 1,
          severity: "error",
          rule: "course",
          message: `course.json "${issue.path.join(".")}" ${issue.message}`,
        });
      }
      continue;
    }
    const meta = parsed.data;
    if (meta.slug !== dirName) {
      diagnostics.push({
        file: display(metaFile),
        line: 1,
        column: 1,
        severity: "error",
        rule: "course",
        message: `course.json slug "${meta.slug}" does not match its folder "${dirName}"`,
      });
    }
    const lessons: LessonEntry[] = [];
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith(".mdx"))
      .sort()) {
      const file = path.join(dir, name);
      const source = readFileSync(file, "utf8");
      const fm = parseFrontmatter(source, display(file));
      if (!fm.ok) {
        diagnostics.push(...fm.diagnostics);
        continue;
      }
      if (fm.frontmatter.draft && !includeDrafts()) continue;
      lessons.push({
        ...fm.frontmatter,
        minutes: fm.frontmatter.minutes ?? estimateMinutes(source),
        course: meta.slug,
        file,
        displayPath: display(file),
      });
    }
    lessons.sort((a, b) => a.part - b.part);
    const parts = meta.parts
      .slice()
      .sort((a, b) => a.part - b.part)
      .map((p) => ({ ...p, lesson: lessons.find((l) => l.slug === p.slug) ?? null }));
    courses.push({
      slug: meta.slug,
      title: meta.title,
      description: meta.description,
      level: meta.level,
      dir,
      parts,
      lessons: parts.flatMap((p) => (p.lesson ? [p.lesson] : [])),
      totalMinutes: lessons.reduce((sum, l) => sum + (l.minutes ?? 0), 0),
    });
  }
  return { courses, diagnostics };
}

let cachedCatalog: Course[] | undefined;

/**
 * The catalog for pages. Cached for the life of a production process (content is part of the
 * build); re-read on every call in development so edits show on refresh. Throws on invalid
 * content so that `next build` fails loudly.
 */
export function getCatalog(): Course[] {
  if (cachedCatalog && process.env.NODE_ENV === "production") return cachedCatalog;
  const { courses, diagnostics } = readCatalog();
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new ContentError(errors);
  cachedCatalog = courses;
  return courses;
}

/** One course by slug, or null. */
export function getCourse(slug: string): Course | null {
  return getCatalog().find((c) => c.slug === slug) ?? null;
}

/** One published lesson with its neighbours in the course, or null. */
export function getLessonEntry(
  courseSlug: string,
  lessonSlug: string,
): { course: Course; lesson: LessonEntry; previous: LessonEntry | null; next: LessonEntry | null } | null {
  const course = getCourse(courseSlug);
  if (!course) return null;
  const index = course.lessons.findIndex((l) => l.slug === lessonSlug);
  if (index < 0) return null;
  return {
    course,
    lesson: course.lessons[index]!,
    previous: course.lessons[index - 1] ?? null,
    next: course.lessons[index + 1] ?? null,
  };
}
