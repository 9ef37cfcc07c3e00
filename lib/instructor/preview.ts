import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { getCatalog } from "@/lib/content/catalog";
import type { CompiledLesson, CompileResult } from "@/lib/content/compile";
import { courseListingDiagnostics, frontmatterLine } from "@/lib/content/course-listing";
import type { Diagnostic } from "@/lib/content/diagnostics";
import { parseFrontmatter } from "@/lib/content/frontmatter";
import { CompileRefused, compileIsolated } from "./compile-service";
import {
  PREVIEW_MAX_BYTES,
  PREVIEW_TIMEOUT_MS,
  PREVIEW_WAIT_LIMIT_MS,
  sourceBytes,
  tooLargeMessage,
} from "./limits";

/** The name diagnostics carry for the previewed source. */
export const PREVIEW_FILE = "preview.mdx";

export type PreviewOutcome =
  /** Refused before or while compiling (too large, too slow, compiler busy): nothing to show. */
  | { status: "refused"; message: string }
  /** Compiled: `lesson` is set when there are no errors, else only the diagnostics. */
  | { status: "compiled"; lesson: CompiledLesson | null; diagnostics: Diagnostic[]; ms: number };

type Options = {
  maxBytes?: number;
  timeoutMs?: number;
  /** When this call answers whatever the compiler does (default: the wait and time limits, and a second). */
  deadlineMs?: number;
  /** The compiler; tests pass a stub. Defaults to compileLesson in its own process. */
  compile?: (source: string, file: string, timeoutMs: number) => Promise<CompileResult>;
  publicDir?: string;
  /** The courses whose course.json the lesson's part and slug are checked against. */
  courses?: { slug: string; parts: { part: number; slug: string }[] }[];
};

/**
 * Images must be files in public/, as `npm run content:check` demands; in the preview this
 * also keeps a lesson from making the instructor's browser fetch from another site.
 */
function imageDiagnostics(images: { line: number; column: number; src: string }[], publicDir: string) {
  return images.flatMap((image): Diagnostic[] => {
    const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(image.src);
    const missing = !remote && (!image.src.startsWith("/") || !existsSync(path.join(publicDir, image.src)));
    if (!remote && !missing) return [];
    return [
      {
        file: PREVIEW_FILE,
        line: image.line,
        column: image.column,
        severity: "error",
        rule: "images",
        message: remote
          ? `Image "${image.src}" is not in public/`
          : `Image "${image.src}" does not exist in public/`,
        hint: remote
          ? "Download it into public/images/ and use a /images/… path"
          : "Put the file under public/ and refer to it as /images/…",
      },
    ];
  });
}

/**
 * A warning when no course.json lists the lesson's slug at its part: the preview does not know
 * which course a source belongs to, and a new lesson is drafted before it is listed
 * (`npm run content:check` makes it an error in the lesson's own course).
 */
function listingDiagnostics(source: string, courses: NonNullable<Options["courses"]>): Diagnostic[] {
  const fm = parseFrontmatter(source, PREVIEW_FILE);
  if (!fm.ok) return [];
  const at = { file: PREVIEW_FILE, line: frontmatterLine(source, "part") };
  return courseListingDiagnostics(fm.frontmatter, at, courses, "warning");
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column;

/**
 * Compiles a lesson source for the instructor preview through the one content pipeline
 * (lib/content/compile), within the preview's limits: at most PREVIEW_MAX_BYTES, compiled
 * within PREVIEW_TIMEOUT_MS on the compiler thread (after at most PREVIEW_WAIT_LIMIT_MS for its
 * turn). Never writes anything.
 */
export async function compilePreview(source: string, options: Options = {}): Promise<PreviewOutcome> {
  const maxBytes = options.maxBytes ?? PREVIEW_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? PREVIEW_TIMEOUT_MS;
  const bytes = sourceBytes(source);
  if (bytes > maxBytes) return { status: "refused", message: tooLargeMessage(bytes) };
  const compile = options.compile ?? compileIsolated;
  const t0 = performance.now();
  let result: CompileResult;
  let backstop: NodeJS.Timeout | undefined;
  try {
    // The compiler enforces its limits itself (terminating its thread); the race is the guarantee.
    result = await Promise.race([
      compile(source, PREVIEW_FILE, timeoutMs),
      new Promise<never>((_, reject) => {
        backstop = setTimeout(
          () =>
            reject(
              new CompileRefused(
                "timeout",
                `Compiling took longer than ${timeoutMs / 1000} s and was stopped.`,
              ),
            ),
          options.deadlineMs ?? PREVIEW_WAIT_LIMIT_MS + timeoutMs + 1_000,
        );
      }),
    ]);
  } catch (error) {
    if (error instanceof CompileRefused) return { status: "refused", message: error.message };
    throw error;
  } finally {
    clearTimeout(backstop);
  }
  const ms = Math.round(performance.now() - t0);
  const images = result.ok ? result.lesson.images : (result.partial?.images ?? []);
  const extra = [
    ...imageDiagnostics(images, options.publicDir ?? path.join(process.cwd(), "public")),
    ...listingDiagnostics(source, options.courses ?? getCatalog()),
  ];
  const diagnostics = [...(result.ok ? result.lesson.diagnostics : result.diagnostics), ...extra].sort(
    byPosition,
  );
  const lesson = result.ok && !diagnostics.some((d) => d.severity === "error") ? result.lesson : null;
  return { status: "compiled", lesson, diagnostics, ms };
}
