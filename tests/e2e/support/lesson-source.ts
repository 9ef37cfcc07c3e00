import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** The MDX source of a lesson in the Docker course. */
export function lessonSource(file: string): string {
  return readFileSync(path.join(ROOT, "content/courses/docker", file), "utf8");
}

/** Fenced code blocks of a lesson: language, meta and body, in order. */
export function codeBlocks(file: string): { lang: string; meta: string; code: string }[] {
  const blocks: { lang: string; meta: string; code: string }[] = [];
  for (const m of lessonSource(file).matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)\n```$/gm)) {
    blocks.push({ lang: m[1]!, meta: m[2]!.trim(), code: m[3]! });
  }
  return blocks;
}

export type AuthoredQuestion = {
  id: string;
  type: "single" | "multiple" | "truefalse" | "fill" | "order" | "numeric";
  prompt: string;
  explanation?: string;
  choices?: { text: string; correct?: boolean; explanation?: string }[];
  answer?: boolean | number;
  accept?: string[];
  items?: string[];
  tolerance?: number;
};

/** The quiz as the author wrote it (with its key): what a test needs to answer right or wrong. */
export function authoredQuiz(file: string): {
  id: string;
  passPercent?: number;
  questions: AuthoredQuestion[];
} {
  const block = codeBlocks(file).find((b) => b.lang === "quiz");
  if (!block) throw new Error(`${file} has no quiz`);
  return parse(block.code);
}

export type AuthoredExercise = {
  id: string;
  title: string;
  starter: string;
  solution: string;
  revealAfterAttempts?: number;
  checks: { id: string; kind: string; description: string; hints: string[] }[];
};

/** The lesson's exercises as the author wrote them (checks, hints, solution): what a test needs. */
export function authoredExercises(file: string): AuthoredExercise[] {
  return codeBlocks(file)
    .filter((b) => b.lang === "exercise")
    .map((b) => parse(b.code) as AuthoredExercise);
}

/**
 * The first lesson of the Docker course with exactly one exercise: its file, its URL, its part and
 * the exercise (so a test can complete the lesson by passing its quiz and that exercise).
 */
export function lessonWithOneExercise(): {
  file: string;
  path: string;
  slug: string;
  part: number;
  exercise: AuthoredExercise;
} {
  const dir = path.join(ROOT, "content/courses/docker");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .sort()) {
    const exercises = authoredExercises(file);
    if (exercises.length !== 1) continue;
    const source = lessonSource(file);
    const slug = /^slug:\s*(\S+)/m.exec(source)![1]!;
    const part = Number(/^part:\s*(\d+)/m.exec(source)![1]);
    return { file, path: `/courses/docker/${slug}`, slug, part, exercise: exercises[0]! };
  }
  throw new Error("No lesson of the Docker course has exactly one exercise");
}
