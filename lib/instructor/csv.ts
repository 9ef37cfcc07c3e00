import type { ExerciseAnalysis } from "@/lib/exercises/analysis";
import type { QuizAnalysis } from "./stats";

type Cell = string | number | boolean | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, so opening the export never executes anything.
 */
export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: Cell[][]): string {
  return `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** A quiz's analysis with the lesson it belongs to. */
export type QuizReport = { course: string; lesson: string; part: number; analysis: QuizAnalysis };

export const ITEM_ANALYSIS_COLUMNS = [
  "level",
  "course",
  "part",
  "lesson",
  "quiz",
  "quiz_version",
  "question",
  "question_type",
  "text",
  "correct_choice",
  "attempts",
  "learners",
  "average_percent",
  "median_percent",
  "pass_rate_percent",
  "first_attempt_correct_percent",
  "all_attempts_correct_percent",
  "answered",
  "picks",
  "pick_percent",
] as const;

/**
 * The item analysis as one table: a `quiz` row per quiz (current version), a `question` row per
 * question, a `choice` row per choice of choice questions, and an `older_version` row per
 * earlier version (attempts counted apart). Empty cells mean "not applicable" or "no data".
 */
export function itemAnalysisCsv(reports: QuizReport[]): string {
  const rows: Cell[][] = [[...ITEM_ANALYSIS_COLUMNS]];
  const row = (values: Partial<Record<(typeof ITEM_ANALYSIS_COLUMNS)[number], Cell>>) =>
    rows.push(ITEM_ANALYSIS_COLUMNS.map((c) => values[c] ?? null));
  for (const { course, lesson, part, analysis: a } of reports) {
    const base = { course, part, lesson, quiz: a.quizId };
    row({
      ...base,
      level: "quiz",
      quiz_version: a.version,
      text: a.title,
      attempts: a.attempts,
      learners: a.learners,
      average_percent: a.averagePercent,
      median_percent: a.medianPercent,
      pass_rate_percent: a.passRate.percent,
    });
    for (const q of a.questions) {
      row({
        ...base,
        level: "question",
        quiz_version: a.version,
        question: q.id,
        question_type: q.type,
        text: q.prompt,
        attempts: q.allAttempts.total,
        learners: q.firstAttempt.total,
        first_attempt_correct_percent: q.firstAttempt.percent,
        all_attempts_correct_percent: q.allAttempts.percent,
        answered: q.allAttempts.total,
      });
      const answered = q.allAttempts.total;
      for (const c of q.choices ?? []) {
        row({
          ...base,
          level: "choice",
          quiz_version: a.version,
          question: q.id,
          question_type: q.type,
          text: c.text,
          correct_choice: c.correct,
          answered,
          picks: c.picks,
          pick_percent: c.percent,
        });
      }
    }
    for (const o of a.olderVersions) {
      row({
        ...base,
        level: "older_version",
        quiz_version: o.version,
        attempts: o.attempts,
        learners: o.learners,
      });
    }
  }
  return toCsv(rows);
}

export const EXERCISE_ANALYSIS_COLUMNS = [
  "level",
  "course",
  "part",
  "lesson",
  "exercise",
  "exercise_version",
  "check",
  "text",
  "attempts",
  "learners",
  "passed_learners",
  "pass_rate_percent",
  "hint_requests",
  "median_attempts_to_pass",
  "failed_attempts",
  "failed_percent",
  "older_version_attempts",
] as const;

/**
 * The exercise analysis as one table: an `exercise` row per exercise (current version) and a
 * `check` row per check, most failed first. Submissions are not exported (they are shown, without
 * names, on the page only).
 */
export function exerciseAnalysisCsv(
  reports: { course: string; lesson: string; part: number; analysis: ExerciseAnalysis }[],
): string {
  const rows: Cell[][] = [[...EXERCISE_ANALYSIS_COLUMNS]];
  const row = (values: Partial<Record<(typeof EXERCISE_ANALYSIS_COLUMNS)[number], Cell>>) =>
    rows.push(EXERCISE_ANALYSIS_COLUMNS.map((c) => values[c] ?? null));
  for (const { course, lesson, part, analysis: a } of reports) {
    const base = { course, part, lesson, exercise: a.exerciseId, exercise_version: a.version };
    row({
      ...base,
      level: "exercise",
      text: a.title,
      attempts: a.attempts,
      learners: a.learners,
      passed_learners: a.passRate.passed,
      pass_rate_percent: a.passRate.percent,
      hint_requests: a.hintRequests,
      median_attempts_to_pass: a.medianAttemptsToPass,
      older_version_attempts: a.olderAttempts,
    });
    for (const c of a.checks)
      row({
        ...base,
        level: "check",
        check: c.id,
        text: c.description,
        failed_attempts: c.failed,
        failed_percent: c.failedPercent,
      });
  }
  return toCsv(rows);
}
