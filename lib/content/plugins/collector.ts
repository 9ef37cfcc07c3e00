import type { QuizDefinition } from "@/lib/content/quiz-schema";
import type { ExerciseDefinition } from "@/lib/exercise-engine/schema";
import type { CodeColour } from "../code-colours";
import type { Diagnostic } from "../diagnostics";
import type { Heading, SearchSection } from "../schema";

export type Located = { line: number; column: number };

/** What the plugins gather while a lesson compiles; compileLesson() returns it. */
export type Collector = {
  file: string;
  diagnostics: Diagnostic[];
  headings: Heading[];
  sections: SearchSection[];
  quizzes: QuizDefinition[];
  /** Each quiz's section: the id of the heading it sits under (null before the first heading). */
  quizSections: Record<string, string | null>;
  /** Full exercise definitions (checks, hints, solution): server-only. */
  exercises: ExerciseDefinition[];
  links: (Located & { url: string })[];
  images: (Located & { src: string })[];
  codeBlocks: (Located & {
    lang: string;
    title?: string;
    code: string;
    antipattern: boolean;
    excerpt: boolean;
  })[];
  /** Each token class the lesson's code uses, once, at the first block using it. */
  codeColours: (Located & CodeColour)[];
  wordCount: number;
  error(at: Located | undefined, rule: string, message: string, hint?: string): void;
  warn(at: Located | undefined, rule: string, message: string, hint?: string): void;
};

/** A new, empty collector for one compile of `file`. */
export function createCollector(file: string): Collector {
  const diagnostics: Diagnostic[] = [];
  const push =
    (severity: Diagnostic["severity"]) =>
    (at: Located | undefined, rule: string, message: string, hint?: string) =>
      diagnostics.push({ file, line: at?.line ?? 1, column: at?.column ?? 1, severity, rule, message, hint });
  return {
    file,
    diagnostics,
    headings: [],
    sections: [],
    quizzes: [],
    quizSections: {},
    exercises: [],
    links: [],
    images: [],
    codeBlocks: [],
    codeColours: [],
    wordCount: 0,
    error: push("error"),
    warn: push("warning"),
  };
}

/** The start of a unist node's position, if it has one. */
export function startOf(node: {
  position?: { start: { line: number; column: number } };
}): Located | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}
