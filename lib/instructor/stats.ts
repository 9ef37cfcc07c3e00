import { optionId, quizVersion } from "@/lib/content/quiz-public";
import type { Question, QuizDefinition } from "@/lib/content/quiz-schema";
import { percentOf } from "@/lib/quiz/grade";

/** One stored quiz attempt, with its JSON columns parsed. */
export type AttemptRecord = {
  id: string;
  learnerId: string;
  quizVersion: string;
  createdAt: Date;
  score: number;
  maxScore: number;
  passed: boolean;
  /** The answers as submitted: question id → choice id(s), text, number or boolean. */
  answers: Record<string, unknown>;
  /** The per-question verdicts stored with the attempt. */
  results: { id: string; correct: boolean }[];
};

/** How many of `total` were right, and that as a percentage (null when there is nothing to count). */
export type Rate = { count: number; total: number; percent: number | null };

/** How often one choice was picked, among the attempts that answered its question. */
export type ChoicePicks = {
  id: string;
  text: string;
  correct: boolean;
  picks: number;
  percent: number | null;
};

export type QuestionAnalysis = {
  id: string;
  type: Question["type"];
  prompt: string;
  /** Each learner's first attempt on the current version. */
  firstAttempt: Rate;
  allAttempts: Rate;
  /** Choice questions (and true/false): every choice with how often it was picked. */
  choices: ChoicePicks[] | null;
};

export type OlderVersion = { version: string; attempts: number; learners: number };

export type QuizAnalysis = {
  quizId: string;
  title: string;
  version: string;
  passPercent: number;
  attempts: number;
  learners: number;
  averagePercent: number | null;
  medianPercent: number | null;
  passRate: Rate;
  /** Hardest first: lowest percent correct over all attempts. */
  questions: QuestionAnalysis[];
  /** Attempts on earlier versions of the quiz, counted apart and never mixed in. */
  olderVersions: OlderVersion[];
};

/** `part` of `whole` as a percentage with one decimal, or null when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** A rate from a count and a total. */
export function rate(count: number, total: number): Rate {
  return { count, total, percent: percent(count, total) };
}

/** The mean of the values with one decimal, or null for none. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

/** The median (the mean of the middle two for an even count), or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** Share of attempts that passed. */
export function passRate(attempts: Pick<AttemptRecord, "passed">[]): Rate {
  return rate(attempts.filter((a) => a.passed).length, attempts.length);
}

const earlier = (a: AttemptRecord, b: AttemptRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Each learner's first attempt (earliest `createdAt`, then lowest id), in time order. */
export function firstAttempts(attempts: AttemptRecord[]): AttemptRecord[] {
  const first = new Map<string, AttemptRecord>();
  for (const a of attempts) {
    const seen = first.get(a.learnerId);
    if (!seen || earlier(a, seen) < 0) first.set(a.learnerId, a);
  }
  return [...first.values()].sort(earlier);
}

/** Attempts on `version`, and the others counted per older version (most attempts first). */
export function splitByVersion(
  attempts: AttemptRecord[],
  version: string,
): { current: AttemptRecord[]; older: OlderVersion[] } {
  const current: AttemptRecord[] = [];
  const older = new Map<string, { attempts: number; learners: Set<string> }>();
  for (const a of attempts) {
    if (a.quizVersion === version) {
      current.push(a);
      continue;
    }
    const entry = older.get(a.quizVersion) ?? { attempts: 0, learners: new Set<string>() };
    entry.attempts++;
    entry.learners.add(a.learnerId);
    older.set(a.quizVersion, entry);
  }
  return {
    current,
    older: [...older]
      .map(([v, e]) => ({ version: v, attempts: e.attempts, learners: e.learners.size }))
      .sort((a, b) => b.attempts - a.attempts || a.version.localeCompare(b.version)),
  };
}

/** How many attempts answered `questionId` correctly, out of those that have a verdict for it. */
export function questionRate(attempts: AttemptRecord[], questionId: string): Rate {
  let count = 0;
  let total = 0;
  for (const a of attempts) {
    const verdict = a.results.find((r) => r.id === questionId);
    if (!verdict) continue;
    total++;
    if (verdict.correct) count++;
  }
  return rate(count, total);
}

/** The choices a question offers, by id, with which are correct (true/false counts as two choices). */
export function choicesOf(
  quizId: string,
  q: Question,
): { id: string; text: string; correct: boolean }[] | null {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices.map((c) => ({ id: optionId(quizId, q.id, c.text), text: c.text, correct: c.correct }));
    case "truefalse":
      return [
        { id: "true", text: "True", correct: q.answer === true },
        { id: "false", text: "False", correct: q.answer === false },
      ];
    default:
      return null;
  }
}

function pickedIds(answer: unknown): string[] {
  if (typeof answer === "boolean") return [String(answer)];
  if (typeof answer === "string") return [answer];
  if (Array.isArray(answer)) return answer.filter((x): x is string => typeof x === "string");
  return [];
}

/**
 * How often each choice of a choice question was picked (stored choice ids are hashes from
 * lib/content/quiz-public.ts optionId, mapped back to their texts). Wrong choices with many picks are
 * the misconceptions worth a closer look. Null for questions without choices.
 */
export function choicePicks(quizId: string, q: Question, attempts: AttemptRecord[]): ChoicePicks[] | null {
  const choices = choicesOf(quizId, q);
  if (!choices) return null;
  const counts = new Map(choices.map((c) => [c.id, 0]));
  let answered = 0;
  for (const a of attempts) {
    const picked = pickedIds(a.answers[q.id]).filter((id) => counts.has(id));
    if (picked.length === 0) continue;
    answered++;
    for (const id of new Set(picked)) counts.set(id, counts.get(id)! + 1);
  }
  return choices.map((c) => ({
    ...c,
    picks: counts.get(c.id)!,
    percent: percent(counts.get(c.id)!, answered),
  }));
}

/**
 * Item analysis of one quiz: only attempts on its current version are mixed; older versions
 * are counted apart. Questions come hardest first (lowest percent correct over all attempts;
 * questions nobody answered yet last, in quiz order).
 */
export function analyseQuiz(quiz: QuizDefinition, attempts: AttemptRecord[]): QuizAnalysis {
  const version = quizVersion(quiz);
  const { current, older } = splitByVersion(attempts, version);
  const first = firstAttempts(current);
  const scores = current.map((a) => percentOf(a.score, a.maxScore));
  const questions = quiz.questions.map(
    (q): QuestionAnalysis => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      firstAttempt: questionRate(first, q.id),
      allAttempts: questionRate(current, q.id),
      choices: choicePicks(quiz.id, q, current),
    }),
  );
  const order = new Map(quiz.questions.map((q, i) => [q.id, i]));
  const rank = (p: number | null) => p ?? Number.POSITIVE_INFINITY;
  questions.sort(
    (a, b) =>
      rank(a.allAttempts.percent) - rank(b.allAttempts.percent) ||
      rank(a.firstAttempt.percent) - rank(b.firstAttempt.percent) ||
      order.get(a.id)! - order.get(b.id)!,
  );
  return {
    quizId: quiz.id,
    title: quiz.title,
    version,
    passPercent: quiz.passPercent,
    attempts: current.length,
    learners: first.length,
    averagePercent: mean(scores),
    medianPercent: median(scores),
    passRate: passRate(current),
    questions,
    olderVersions: older,
  };
}
