import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import type { QuizDefinition } from "@/lib/content/quiz-schema";
import { type Diagnostic, positionAt } from "./diagnostics";
import { parseFrontmatter } from "./frontmatter";
import { getHighlighter } from "./highlight";
import { type Collector, createCollector } from "./plugins/collector";
import { rehypeCode } from "./plugins/rehype-code";
import { rehypeHeadings } from "./plugins/rehype-headings";
import { remarkGuard } from "./plugins/remark-guard";
import { remarkQuiz } from "./plugins/remark-quiz";
import type { Heading, LessonFrontmatter, SearchSection } from "./schema";

/** Everything a page, the checker, search and the preview need from one lesson file. */
export type CompiledLesson = {
  frontmatter: LessonFrontmatter;
  /** The compiled MDX (a function body for the MDX runtime); carries no answer keys. */
  code: string;
  headings: Heading[];
  sections: SearchSection[];
  /** Full quiz definitions including answer keys: server-only. */
  quizzes: QuizDefinition[];
  /** Each quiz's section heading id (null when it comes before the first heading). */
  quizSections: Record<string, string | null>;
  links: Collector["links"];
  images: Collector["images"];
  codeBlocks: Collector["codeBlocks"];
  codeColours: Collector["codeColours"];
  wordCount: number;
  readingMinutes: number;
  diagnostics: Diagnostic[];
};

/** What a failed compile still found, so the checker can report every problem at once. */
export type PartialLesson = Pick<CompiledLesson, "headings" | "links" | "images" | "quizzes">;

export type CompileResult =
  | { ok: true; lesson: CompiledLesson }
  | { ok: false; diagnostics: Diagnostic[]; partial: PartialLesson | null };

/** Reading time: ~220 words a minute of prose plus a little for each code block. */
export function readingMinutes(words: number, codeBlocks: number): number {
  return Math.max(1, Math.ceil(words / 220 + codeBlocks * 0.3));
}

type EsbuildMessage = { text: string; location?: { line: number; column: number } | null };

/**
 * Compiles a lesson's MDX source (mdx-bundler + Shiki) into what a page needs. Never throws
 * on bad content: problems come back as diagnostics with file, line and column.
 */
export async function compileLesson(source: string, file: string): Promise<CompileResult> {
  const fm = parseFrontmatter(source, file);
  const collector = createCollector(file);
  await getHighlighter();
  let code = "";
  try {
    const result = await bundleMDX({
      source,
      cwd: path.join(process.cwd(), "content"),
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          remarkGuard(collector),
          remarkQuiz(collector),
        ];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeCode(collector),
          rehypeHeadings(collector),
        ];
        return options;
      },
      esbuildOptions(options) {
        options.minify = true;
        options.logLevel = "silent";
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    const messages = (error as { errors?: EsbuildMessage[] }).errors ?? [];
    if (messages.length === 0) throw error;
    for (const m of messages) collector.diagnostics.push(mdxDiagnostic(m, source, file));
  }
  const diagnostics = [...(fm.ok ? [] : fm.diagnostics), ...collector.diagnostics];
  if (!fm.ok || diagnostics.some((d) => d.severity === "error")) {
    // When the MDX itself did not parse, nothing gathered is trustworthy.
    const parsed = !collector.diagnostics.some((d) => d.rule === "mdx");
    const partial = parsed
      ? {
          headings: collector.headings,
          links: collector.links,
          images: collector.images,
          quizzes: collector.quizzes,
        }
      : null;
    return { ok: false, diagnostics, partial };
  }
  return {
    ok: true,
    lesson: {
      frontmatter: fm.frontmatter,
      code,
      headings: collector.headings,
      sections: collector.sections,
      quizzes: collector.quizzes,
      quizSections: collector.quizSections,
      links: collector.links,
      images: collector.images,
      codeBlocks: collector.codeBlocks,
      codeColours: collector.codeColours,
      wordCount: collector.wordCount,
      readingMinutes:
        fm.frontmatter.minutes ?? readingMinutes(collector.wordCount, collector.codeBlocks.length),
      diagnostics,
    },
  };
}

function mdxDiagnostic(message: EsbuildMessage, source: string, file: string): Diagnostic {
  // esbuild wraps the MDX compiler's message as "[plugin: @mdx-js/esbuild] <reason>".
  const text = message.text.replace(/^\[plugin[^\]]*\]\s*/, "");
  const loc = message.location ?? { line: 1, column: 0 };
  const place = loc.line > 0 ? { line: loc.line, column: loc.column + 1 } : positionAt(source, 0);
  return {
    file,
    line: place.line,
    column: place.column,
    severity: "error",
    rule: "mdx",
    message: `MDX could not be compiled: ${text}`,
    hint:
      /[<{]/.test(text) || /Unexpected character/.test(text)
        ? "In prose, write < and { inside `backticks` or escape them as \\< and \\{"
        : undefined,
  };
}
