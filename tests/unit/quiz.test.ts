import { describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/content/compile";
import { optionId, quizVersion, toPublicQuiz } from "@/lib/content/quiz-public";
import { type QuizDefinition, QuizDefinitionSchema } from "@/lib/content/quiz-schema";
import { gradeQuiz, mayReveal, validateAnswers, visibleResult } from "@/lib/quiz/grade";

const quiz: QuizDefinition = QuizDefinitionSchema.parse({
  id: "check",
  questions: [
    {
      id: "s",
      type: "single",
      prompt: "Which ships?",
      explanation: "Only the last.",
      choices: [
        { text: "First", explanation: "No, builder." },
        { text: "Last", correct: true },
      ],
    },
    {
      id: "m",
      type: "multiple",
      prompt: "Why small?",
      choices: [{ text: "Faster", correct: true }, { text: "Cheaper", correct: true }, { text: "More CPU" }],
    },
    { id: "t", type: "truefalse", prompt: "Earlier stages ship?", answer: false },
    { id: "f", type: "fill", prompt: "COPY ____=build", accept: ["--from"] },
    { id: "o", type: "order", prompt: "Order", items: ["deps", "build", "runner"] },
    { id: "n", type: "numeric", prompt: "Percent?", answer: 93, tolerance: 1, unit: "%" },
  ],
});
const id = (q: string, text: string) => optionId("check", q, text);
const right = {
  s: id("s", "Last"),
  m: [id("m", "Faster"), id("m", "Cheaper")],
  t: false,
  f: "  --FROM ",
  o: ["deps", "build", "runner"].map((t) => id("o", t)),
  n: 92.2,
};

describe("grading", () => {
  it("scores every type right", () => {
    const r = gradeQuiz(quiz, right);
    expect(r).toMatchObject({ score: 6, maxScore: 6, percent: 100, passed: true });
  });

  it("multiple choice is all or nothing: a missing or an extra choice scores 0", () => {
    expect(gradeQuiz(quiz, { ...right, m: [id("m", "Faster")] }).questions[1]!.correct).toBe(false);
    expect(gradeQuiz(quiz, { ...right, m: [...right.m, id("m", "More CPU")] }).questions[1]!.correct).toBe(
      false,
    );
  });

  it("numeric answers count within the tolerance, inclusive", () => {
    expect(gradeQuiz(quiz, { ...right, n: 94 }).questions[5]!.correct).toBe(true);
    expect(gradeQuiz(quiz, { ...right, n: 94.01 }).questions[5]!.correct).toBe(false);
  });

  it("ordering must be exact; true/false must match", () => {
    expect(gradeQuiz(quiz, { ...right, o: [...right.o].reverse() }).questions[4]!.correct).toBe(false);
    expect(gradeQuiz(quiz, { ...right, t: true }).questions[2]!.correct).toBe(false);
  });

  it("feedback explains the picked choice without revealing the others", () => {
    const r = gradeQuiz(quiz, { ...right, s: id("s", "First") });
    expect(r.questions[0]).toMatchObject({
      correct: false,
      explanation: "Only the last.",
      choices: [{ id: id("s", "First"), picked: true, correct: false, explanation: "No, builder." }],
    });
    expect(r).toMatchObject({ score: 5, percent: 83.3, passed: true });
  });

  it("a result not yet revealed keeps back every missed question's answer and explanation", () => {
    const wrong = {
      s: id("s", "First"),
      m: [id("m", "More CPU")],
      t: true,
      f: "x",
      o: [...right.o].reverse(),
      n: 1,
    };
    const full = gradeQuiz(quiz, wrong);
    expect(full.questions.every((q) => q.answer)).toBe(true);
    const hidden = visibleResult(full, false);
    expect(hidden.revealed).toBe(false);
    const text = JSON.stringify(hidden);
    for (const secret of ['"answer"', "Only the last.", '"--from"', "93", id("s", "Last"), id("m", "Faster")])
      expect(text, secret).not.toContain(secret);
    // What the learner picked keeps its note: feedback on a wrong choice is not the key.
    expect(hidden.questions[0]!.choices).toEqual([
      { id: id("s", "First"), picked: true, correct: false, explanation: "No, builder." },
    ]);
    // Revealed: the key for each question, in the page's terms.
    const shown = visibleResult(full, true);
    expect(shown.questions.map((q) => q.answer)).toEqual([
      { kind: "choices", ids: [id("s", "Last")] },
      { kind: "choices", ids: [id("m", "Faster"), id("m", "Cheaper")] },
      { kind: "truefalse", value: false },
      { kind: "text", text: "--from" },
      { kind: "order", ids: right.o },
      { kind: "number", value: 93, tolerance: 1, unit: "%" },
    ]);
    expect(shown.questions[0]!.explanation).toBe("Only the last.");
  });

  it("a question answered right keeps its explanation before the reveal", () => {
    const hidden = visibleResult(gradeQuiz(quiz, { ...right, t: true }), false);
    expect(hidden.questions[0]).toMatchObject({ correct: true, explanation: "Only the last." });
    expect(hidden.questions[0]!.answer).toBeUndefined();
  });

  it("answers are revealed after passing, or after the author's number of attempts", () => {
    expect(mayReveal(quiz, { passed: false, attempts: 50 })).toBe(false);
    expect(mayReveal(quiz, { passed: true, attempts: 1 })).toBe(true);
    const three = QuizDefinitionSchema.parse({ ...quiz, revealAfterAttempts: 3 });
    expect(mayReveal(three, { passed: false, attempts: 2 })).toBe(false);
    expect(mayReveal(three, { passed: false, attempts: 3 })).toBe(true);
    expect(toPublicQuiz(three).revealAfterAttempts).toBe(3);
    expect(quizVersion(three)).not.toBe(quizVersion(quiz));
    expect(QuizDefinitionSchema.safeParse({ ...quiz, revealAfterAttempts: 0 }).success).toBe(false);
  });

  it("validation rejects empty, missing, unknown, malformed and foreign answers", () => {
    expect(validateAnswers(quiz, {}).length).toBe(6);
    expect(validateAnswers(quiz, { ...right, extra: "x" })).toEqual([
      { questionId: "extra", message: 'There is no question "extra" in this quiz' },
    ]);
    expect(validateAnswers(quiz, { ...right, s: "not-a-choice" })[0]!.message).toMatch(
      /pick one of the choices/,
    );
    expect(validateAnswers(quiz, { ...right, m: [right.m[0]!, right.m[0]!] })[0]!.message).toMatch(
      /pick from the choices/,
    );
    expect(validateAnswers(quiz, { ...right, t: "false" })[0]!.message).toMatch(/true or false/);
    expect(validateAnswers(quiz, { ...right, o: right.o.slice(1) })[0]!.message).toMatch(/every item/);
    expect(validateAnswers(quiz, { ...right, n: "93" })[0]!.message).toMatch(/enter a number/);
    expect(validateAnswers(quiz, { ...right, f: "" })[0]!.message).toMatch(/has no answer/);
    expect(validateAnswers(quiz, right)).toEqual([]);
  });
});

describe("the public view", () => {
  it("carries no correct flags, accepted answers, numbers or explanations", () => {
    // Keys and values are checked apart: a hex choice id may contain "93" by chance, the key
    // "answer" or the value 93 may not appear anywhere.
    const keys = new Set<string>();
    const values: unknown[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object")
        for (const [key, value] of Object.entries(node)) {
          keys.add(key);
          walk(value);
        }
      else values.push(node);
    };
    walk(toPublicQuiz(quiz));
    for (const secret of ["correct", "accept", "answer", "tolerance", "explanation"])
      expect(keys, `key "${secret}"`).not.toContain(secret);
    expect(values).not.toContain(93);
    const texts = values.filter((v): v is string => typeof v === "string");
    for (const secret of ["--from", "Only the last", "No, builder"])
      expect(
        texts.some((t) => t.includes(secret)),
        secret,
      ).toBe(false);
    // The walk saw the whole view: questions, their prompts and choice ids.
    expect(keys).toContain("prompt");
    expect(texts).toContain("Percent?");
  });

  it("shows order items shuffled, never in the answer order", () => {
    const pub = toPublicQuiz(quiz).questions[4]!;
    expect(pub.type).toBe("order");
    if (pub.type === "order") expect(pub.items.map((i) => i.text)).not.toEqual(["deps", "build", "runner"]);
  });
});

describe("versions", () => {
  it("change with any edit to the quiz and stay stable otherwise", () => {
    const same = QuizDefinitionSchema.parse(JSON.parse(JSON.stringify(quiz)));
    expect(quizVersion(same)).toBe(quizVersion(quiz));
    const edited = { ...quiz, passPercent: 80 };
    expect(quizVersion(edited)).not.toBe(quizVersion(quiz));
    expect(quizVersion(quiz)).toMatch(/^[a-f0-9]{12}$/);
  });
});

describe("extraction from MDX", () => {
  const fm =
    "---\ntitle: Quiz lesson\npart: 1\nslug: quiz-lesson\nsummary: A summary long enough to satisfy the schema.\nobjectives: [Learn]\nupdated: 2026-11-27\n---\n";
  it("separates the answer key from what the page receives", async () => {
    const body =
      '\n```quiz\nid: q1\nquestions:\n  - id: a\n    type: fill\n    prompt: "Complete `COPY ____`"\n    explanation: Secret explanation text\n    accept: ["--from"]\n```\n';
    const result = await compileLesson(fm + body, "q.mdx");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.quizzes).toHaveLength(1);
    expect(result.lesson.quizzes[0]!.questions[0]).toMatchObject({
      accept: ["--from"],
      explanation: "Secret explanation text",
    });
    const tree = JSON.stringify(result.lesson.tree);
    expect(tree).toContain("Complete `COPY ____`");
    expect(tree).not.toContain("Secret explanation text");
    expect(tree).not.toContain("--from");
  });

  it("locates a broken quiz at the line of the bad field", async () => {
    const body =
      "\n```quiz\nid: q1\nquestions:\n  - id: a\n    type: single\n    prompt: Pick\n    choices:\n      - text: A\n      - text: B\n```\n";
    const result = await compileLesson(fm + body, "q.mdx");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ rule: "quiz", line: 17 });
    expect(result.diagnostics[0]!.message).toMatch(/exactly one choice/);
  });
});
