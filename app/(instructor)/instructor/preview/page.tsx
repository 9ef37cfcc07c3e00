import { readFileSync } from "node:fs";
import type { Metadata } from "next";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { PreviewDocument } from "@/components/instructor/preview-document";
import { type InitialPreview, PreviewWorkbench } from "@/components/instructor/preview-workbench";
import { getCatalog, getLessonEntry } from "@/lib/content/catalog";
import { SlugSchema } from "@/lib/content/slug";
import { requireStaffPage } from "@/lib/instructor/access";
import { warmCompiler } from "@/lib/instructor/compile-service";
import { PREVIEW_MAX_BYTES, PREVIEW_TIMEOUT_MS } from "@/lib/instructor/limits";
import { compilePreview } from "@/lib/instructor/preview";
import { lessonTemplate } from "@/lib/instructor/template";
import { consumeRateLimit } from "@/lib/rate-limit";

export const metadata: Metadata = { title: "Live preview", robots: { index: false } };

/** An existing lesson's source (read through the catalog) and its preview, rendered here on the server. */
async function openLesson(value: string, userId: string): Promise<InitialPreview | null> {
  const [course = "", slug = ""] = value.split("/");
  const entry = getLessonEntry(course, slug);
  if (!entry) return null;
  const source = readFileSync(entry.lesson.file, "utf8");
  const limited = await consumeRateLimit("instructorPreview", userId);
  if (!limited.ok)
    return {
      key: value,
      source,
      preview: null,
      diagnostics: [],
      message: "Too many previews: try again shortly.",
    };
  const outcome = await compilePreview(source);
  if (outcome.status === "refused")
    return { key: value, source, preview: null, diagnostics: [], message: outcome.message };
  return {
    key: value,
    source,
    diagnostics: outcome.diagnostics,
    preview: outcome.lesson ? <PreviewDocument lesson={outcome.lesson} /> : null,
    ms: outcome.ms,
  };
}

/**
 * The live lesson preview, for instructors and admins only. `?lesson=<course>/<slug>` opens an
 * existing lesson (the "Existing lesson" form), rendered on the server; edits are compiled by
 * previewLessonAction and rendered on the server too.
 */
export default async function PreviewPage({ searchParams }: { searchParams: Promise<{ lesson?: string }> }) {
  const { lesson } = await searchParams;
  const parts = typeof lesson === "string" ? lesson.split("/") : [];
  const picked = parts.length === 2 && parts.every((p) => SlugSchema.safeParse(p).success) ? lesson! : null;
  const user = await requireStaffPage(`/instructor/preview${picked ? `?lesson=${picked}` : ""}`);
  // The compiler thread takes a moment to load; start it while the instructor gets going.
  void warmCompiler();
  const initial = picked ? await openLesson(picked, user.id) : null;
  const lessons = getCatalog().flatMap((c) =>
    c.lessons.map((l) => ({
      value: `${c.slug}/${l.slug}`,
      label: `${c.title.split(",")[0]} — Part ${l.part}: ${l.title}`,
    })),
  );
  return (
    <main className="mx-auto max-w-[96rem] px-4 py-8 sm:px-6">
      <InstructorNav current="/instructor/preview" />
      <h1 className="text-3xl font-bold tracking-tight">Live preview</h1>
      <p className="mt-2 max-w-3xl text-[var(--fg-muted)]">
        Lessons render here through the same pipeline and components as the site, a moment after you stop
        typing. Nothing is saved: download the source when you are done and commit it to <code>content/</code>
        . Limits: {PREVIEW_MAX_BYTES / 1024} KB, {PREVIEW_TIMEOUT_MS / 1000} s per compile; imports, exports
        and JavaScript expressions are refused.
      </p>
      {picked && !initial ? (
        <p role="alert" className="mt-4">
          There is no published lesson &ldquo;{picked}&rdquo;.
        </p>
      ) : null}
      <div className="mt-6">
        <PreviewWorkbench
          key={initial?.key ?? "blank"}
          lessons={lessons}
          picked={picked ?? undefined}
          template={lessonTemplate()}
          initial={initial}
        />
      </div>
    </main>
  );
}
