import { describe, expect, it } from "vitest";
import { optionId, quizVersion } from "@/lib/content/quiz-public";
import { type QuizDefinition, QuizDefinitionSchema } from "@/lib/content/quiz-schema";
import {
  type AttemptRecord,
  analyseQuiz,
  choicePicks,
  firstAttempts,
  mean,
  median,
  passRate,
  percent,
  questionRate,
  splitByVersion,
} from "@/lib/instructor/stats";

const quiz: QuizDefinition = QuizDefinitionSchema.parse({
  id: "check",
  questions: [
    {
      id: "stage",
      type: "single",
      prompt: "Which stage ships?",
      choices: [{ text: "The first" }, { text: "The last", correct: true }, { text: "All of them" }],
    },
    {
      id: "reasons",
      type: "multiple",
      prompt: "Why keep images small?",
      choices: [
        { text: "Faster pulls", correct: true },
        { text: "Less to patch", correct: true },
        { text: "More CPU" },
      ],
    },
    { id: "layers", type: "truefalse", prompt: "Earlier stages ship.", answer: false },
    { id: "flag", type: "fill", prompt: "COPY ____=build", accept: ["--from"] },
  ],
});
const version = quizVersion(quiz);
const id = (question: string, text: string) => optionId("check", question, text);

let clock = Date.parse("2026-11-01T10:00:00Z");
/** An attempt whose verdicts follow from `right` (question ids answered correctly). */
function attempt(
  learnerId: string,
  answers: Record<string, unknown>,
  right: string[],
  v = version,
): AttemptRecord {
  clock += 60_000;
  const results = quiz.questions.map((q) => ({ id: q.id, correct: right.includes(q.id) }));
  return {
    id: `a${clock}`,
    learnerId,
    quizVersion: v,
    createdAt: new Date(clock),
    score: right.length,
    maxScore: 4,
    passed: right.length / 4 >= 0.7,
    answers,
    results,
  };
}

// Ann fails then passes; Ben gets two right; Cy passes; Dee has one attempt on an old version.
const annFirst = attempt(
  "ann",
  { stage: id("stage", "The first"), reasons: [id("reasons", "More CPU")], layers: true, flag: "--to" },
  [],
);
const annSecond = attempt(
  "ann",
  {
    stage: id("stage", "The last"),
    reasons: [id("reasons", "Faster pulls"), id("reasons", "Less to patch")],
    layers: false,
    flag: "--from",
  },
  ["stage", "reasons", "layers", "flag"],
);
const ben = attempt(
  "ben",
  { stage: id("stage", "The last"), reasons: [id("reasons", "Faster pulls")], layers: false, flag: "from" },
  ["stage", "layers"],
);
const cy = attempt(
  "cy",
  {
    stage: id("stage", "All of them"),
    reasons: [id("reasons", "Faster pulls"), id("reasons", "Less to patch")],
    layers: false,
    flag: "--from",
  },
  ["reasons", "layers", "flag"],
);
const dee = attempt("dee", { stage: id("stage", "The first") }, [], "000000000000");
const all = [annFirst, annSecond, ben, cy, dee];

describe("small figures", () => {
  it("percentages have one decimal and are null when there is nothing to count", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });

  it("the median of an even count is the mean of the middle two; none gives null", () => {
    expect(median([100, 0, 50])).toBe(50);
    expect(median([0, 50, 75, 100])).toBe(62.5);
    expect(median([])).toBeNull();
    expect(mean([0, 50, 75, 100])).toBe(56.3);
    expect(mean([])).toBeNull();
  });

  it("the pass rate counts passed attempts over all attempts", () => {
    expect(passRate([annFirst, annSecond, ben, cy])).toEqual({ count: 2, total: 4, percent: 50 });
    expect(passRate([])).toEqual({ count: 0, total: 0, percent: null });
  });
});

describe("first attempts and versions", () => {
  it("keeps each learner's earliest attempt, whatever order the rows come in", () => {
    const firsts = firstAttempts([cy, annSecond, ben, annFirst]);
    expect(firsts.map((a) => a.id)).toEqual([annFirst.id, ben.id, cy.id]);
  });

  it("attempts on older quiz versions are counted apart, never mixed with the current one", () => {
    const { current, older } = splitByVersion(all, version);
    expect(current).toHaveLength(4);
    expect(older).toEqual([{ version: "000000000000", attempts: 1, learners: 1 }]);
  });
});

describe("per question", () => {
  it("percent correct counts the stored verdicts, on all attempts and on first attempts", () => {
    const current = [annFirst, annSecond, ben, cy];
    expect(questionRate(current, "stage")).toEqual({ count: 2, total: 4, percent: 50 });
    expect(questionRate(firstAttempts(current), "stage")).toEqual({ count: 1, total: 3, percent: 33.3 });
    expect(questionRate(current, "layers")).toEqual({ count: 3, total: 4, percent: 75 });
  });

  it("maps stored choice ids back to the choice texts and counts every pick (the misconceptions)", () => {
    const stage = choicePicks("check", quiz.questions[0]!, [annFirst, annSecond, ben, cy])!;
    expect(stage.map((c) => [c.text, c.correct, c.picks, c.percent])).toEqual([
      ["The first", false, 1, 25],
      ["The last", true, 2, 50],
      ["All of them", false, 1, 25],
    ]);
    const reasons = choicePicks("check", quiz.questions[1]!, [annFirst, annSecond, ben, cy])!;
    expect(reasons.find((c) => c.text === "More CPU")?.picks).toBe(1);
    expect(reasons.find((c) => c.text === "Faster pulls")?.picks).toBe(3);
  });

  it("true/false answers count as two choices; fill questions have no choices", () => {
    const tf = choicePicks("check", quiz.questions[2]!, [annFirst, annSecond, ben, cy])!;
    expect(tf).toEqual([
      { id: "true", text: "True", correct: false, picks: 1, percent: 25 },
      { id: "false", text: "False", correct: true, picks: 3, percent: 75 },
    ]);
    expect(choicePicks("check", quiz.questions[3]!, [annFirst])).toBeNull();
  });

  it("ignores answers naming choices the question does not have", () => {
    const odd = attempt("eve", { stage: "not-a-choice-id" }, []);
    const picks = choicePicks("check", quiz.questions[0]!, [odd])!;
    expect(picks.every((c) => c.picks === 0 && c.percent === null)).toBe(true);
  });
});

describe("analyseQuiz", () => {
  const analysis = analyseQuiz(quiz, all);

  it("summarises the current version: attempts, learners, average, median and pass rate", () => {
    expect(analysis.version).toBe(version);
    expect(analysis.attempts).toBe(4);
    expect(analysis.learners).toBe(3);
    // Scores 0%, 100%, 50%, 75%.
    expect(analysis.averagePercent).toBe(56.3);
    expect(analysis.medianPercent).toBe(62.5);
    expect(analysis.passRate).toEqual({ count: 2, total: 4, percent: 50 });
    expect(analysis.olderVersions).toEqual([{ version: "000000000000", attempts: 1, learners: 1 }]);
  });

  it("lists the hardest question first (lowest percent correct over all attempts)", () => {
    expect(analysis.questions.map((q) => [q.id, q.allAttempts.percent])).toEqual([
      ["stage", 50],
      ["reasons", 50],
      ["flag", 50],
      ["layers", 75],
    ]);
    // Ties are broken by first-attempt percent: stage 1/3, reasons 1/3, flag 1/3 → quiz order.
    expect(analysis.questions[0]!.firstAttempt).toEqual({ count: 1, total: 3, percent: 33.3 });
  });

  it("a quiz nobody took has no figures rather than zeros", () => {
    const empty = analyseQuiz(quiz, [dee]);
    expect(empty.attempts).toBe(0);
    expect(empty.averagePercent).toBeNull();
    expect(empty.medianPercent).toBeNull();
    expect(empty.questions.every((q) => q.allAttempts.percent === null)).toBe(true);
  });
});
