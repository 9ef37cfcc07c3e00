import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import type { PluggableList } from "unified";
import { toPublicQuiz } from "@/lib/content/quiz-public";
import type { QuizDefinition } from "@/lib/content/quiz-schema";
import { toPublicExercise } from "@/lib/exercise-engine/public";
import type { ExerciseDefinition } from "@/lib/exercise-engine/schema";
import { type Boilerplate, boilerplateOf } from "./compiled-shapes";
import { lessonTreeFromCompiled } from "./compiled-to-tree";
import { completionProblem } from "./completion";
import { type Diagnostic, positionAt } from "./diagnostics";
import { parseFrontmatter } from "./frontmatter";
import { getHighlighter } from "./highlight";
import { type LessonTree, lessonElements } from "./lesson-tree";
import { type Collector, createCollector } from "./plugins/collector";
import { rehypeCode } from "./plugins/rehype-code";
import { rehypeHeadings } from "./plugins/rehype-headings";
import { remarkExercise } from "./plugins/remark-exercise";
import { remarkGuard } from "./plugins/remark-guard";
import { remarkQuiz } from "./plugins/remark-quiz";
import type { Heading, LessonFrontmatter, SearchSection } from "./schema";

/** Everything a page, the checker, search and the preview need from one lesson file. */
export type CompiledLesson = {
  frontmatter: LessonFrontmatter;
  /**
   * The lesson's content as data (components/mdx/render-lesson.tsx renders it): listed elements
   * with literal attributes, never code; carries no answer keys.
   */
  tree: LessonTree;
  headings: Heading[];
  sections: SearchSection[];
  /** Full quiz definitions including answer keys: server-only. */
  quizzes: QuizDefinition[];
  /** Each quiz's section heading id (null when it comes before the first heading). */
  quizSections: Record<string, string | null>;
  /** Full exercise definitions including checks, hints and solutions: server-only. */
  exercises: ExerciseDefinition[];
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
 * gray-matter (inside mdx-bundler) evaluates a `---js` frontmatter block as JavaScript; lessons
 * are refused before that (FRONTMATTER_LANGUAGE), and its JavaScript engine is replaced by one
 * that evaluates nothing, so no path through mdx-bundler runs frontmatter.
 */
const NO_SCRIPT_ENGINES = { javascript: { parse: () => ({}) } };
/** `---js`, `--- javascript`, `---coffee`…: a gray-matter language after the opening dashes. */
const FRONTMATTER_LANGUAGE = /^\uFEFF?---[ \t]*[^\s-]/;

type Plugins = { remark: PluggableList; rehype: PluggableList };

/** Lectern's plugins for one compile: GitHub Markdown, the guard, quizzes, exercises, code, headings. */
const lessonPlugins = (collector: Collector): Plugins => ({
  remark: [remarkGfm, remarkGuard(collector), remarkQuiz(collector), remarkExercise(collector)],
  rehype: [rehypeCode(collector), rehypeHeadings(collector)],
});

/**
 * Compiles MDX to code with mdx-bundler (esbuild) and the given plugins: the settings every
 * compile shares (compileLesson passes Lectern's plugins; tests of the output check pass fewer).
 * Development mode makes every JSX call carry the line and column it came from, so the output
 * check can locate what it refuses; the code is parsed, never run.
 */
export async function bundleMdx(source: string, plugins: Plugins): Promise<string> {
  const result = await bundleMDX({
    source,
    cwd: path.join(process.cwd(), "content"),
    globals: { "react/jsx-dev-runtime": { varName: "_jsx_dev_runtime", type: "cjs" } },
    grayMatterOptions: (options) => ({ ...options, engines: NO_SCRIPT_ENGINES }),
    mdxOptions(options) {
      options.development = true;
      options.remarkPlugins = [...(options.remarkPlugins ?? []), ...plugins.remark];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), ...plugins.rehype];
      return options;
    },
    esbuildOptions(options) {
      options.minify = false;
      options.logLevel = "silent";
      return options;
    },
  });
  return result.code;
}

/** A lesson known to be pure content: what it compiles to, minus its content, is the boilerplate. */
const REFERENCE_LESSON =
  "---\ntitle: Reference\n---\n\nText with **Markdown**.\n\n<Callout>A component.</Callout>\n";
let boilerplate: Promise<Boilerplate> | undefined;

/** The boilerplate this compiler version emits around any lesson, learnt once per process. */
export function compilerBoilerplate(): Promise<Boilerplate> {
  boilerplate ??= bundleMdx(REFERENCE_LESSON, lessonPlugins(createCollector("reference.mdx"))).then(
    boilerplateOf,
  );
  boilerplate.catch(() => {
    boilerplate = undefined;
  });
  return boilerplate;
}

/**
 * The compiled code as a lesson tree, verified (compiled-to-tree.ts): refused constructs become
 * diagnostics at the nearest element's place. Quizzes must be exactly the public views of the
 * quizzes collected, so no answer key can ride along.
 */
async function verifiedTree(code: string, collector: Collector): Promise<LessonTree | null> {
  const converted = lessonTreeFromCompiled(code, await compilerBoilerplate());
  const hint =
    "Write Markdown, the documented components and tags, and quoted attribute values (content/AUTHORING.md)";
  if (!converted.ok) {
    for (const problem of converted.problems)
      collector.error(problem, "compiled-output", `The compiled lesson holds code: ${problem.message}`, hint);
    return null;
  }
  const publicQuizzes = new Set(collector.quizzes.map((q) => JSON.stringify(toPublicQuiz(q))));
  const publicExercises = new Set(collector.exercises.map((e) => JSON.stringify(toPublicExercise(e))));
  for (const element of lessonElements(converted.tree)) {
    if (element.name === "Exercise" && !publicExercises.has(String(element.props?.exercise)))
      collector.error(
        undefined,
        "compiled-output",
        "The compiled lesson holds an exercise that is not a public view",
        hint,
      );
    if (element.name === "Quiz" && !publicQuizzes.has(String(element.props?.quiz)))
      collector.error(
        undefined,
        "compiled-output",
        "The compiled lesson holds a quiz that is not a public view",
        hint,
      );
  }
  return converted.tree;
}

/**
 * Compiles a lesson's MDX source (mdx-bundler + Shiki) into what a page needs. Never throws
 * on bad content: problems come back as diagnostics with file, line and column. Nothing in the
 * source is ever evaluated: the compiled code is parsed into a lesson tree (data).
 */
export async function compileLesson(source: string, file: string): Promise<CompileResult> {
  if (FRONTMATTER_LANGUAGE.test(source)) {
    const diagnostic: Diagnostic = {
      file,
      line: 1,
      column: 1,
      severity: "error",
      rule: "frontmatter",
      message: "Frontmatter must be YAML between two --- lines, with nothing after the first ---",
      hint: "Lessons are content, never code: `---js` and other frontmatter languages are not allowed",
    };
    return { ok: false, diagnostics: [diagnostic], partial: null };
  }
  const fm = parseFrontmatter(source, file);
  const collector = createCollector(file);
  await getHighlighter();
  let code: string | null = null;
  try {
    code = await bundleMdx(source, lessonPlugins(collector));
  } catch (error) {
    const messages = (error as { errors?: EsbuildMessage[] }).errors ?? [];
    if (messages.length === 0) throw error;
    for (const m of messages) collector.diagnostics.push(mdxDiagnostic(m, source, file));
  }
  // The output is checked even when the guard already refused something, but reported only
  // when nothing else was: its findings would repeat the guard's, less precisely.
  const reported = collector.diagnostics.some((d) => d.severity === "error");
  const tree = code === null ? null : await verifiedTree(code, reported ? createCollector(file) : collector);
  const completion = fm.ok
    ? completionProblem({
        frontmatter: fm.frontmatter,
        quizzes: collector.quizzes,
        exercises: collector.exercises,
      })
    : null;
  if (completion) {
    const line = source.slice(0, source.search(/^completion[ \t]*:/m)).split("\n").length;
    collector.error({ line, column: 1 }, "frontmatter", completion, "Remove it, or add what it names");
  }
  const diagnostics = [...(fm.ok ? [] : fm.diagnostics), ...collector.diagnostics];
  if (!fm.ok || !tree || diagnostics.some((d) => d.severity === "error")) {
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
      tree,
      headings: collector.headings,
      sections: collector.sections,
      quizzes: collector.quizzes,
      quizSections: collector.quizSections,
      exercises: collector.exercises,
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
