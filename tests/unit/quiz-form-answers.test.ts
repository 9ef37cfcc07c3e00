// A quiz form as a reader without JavaScript posts it (lib/quiz/form-answers.ts): each question's
// own inputs become its answer. Whatever the fields hold, reading them never throws and gives
// answers of the question's type or a question's clear message; answers sent as the form sends
// them come back as they were.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optionId } from "@/lib/content/quiz-public";
import { type QuizDefinition, QuizDefinitionSchema } from "@/lib/content/quiz-schema";
import { questionField, readQuizForm } from "@/lib/quiz/form-answers";
import { type Answers, validateAnswers } from "@/lib/quiz/grade";
import { orderPosition } from "@/lib/quiz/order-position";

const quiz: QuizDefinition = QuizDefinitionSchema.parse({
  id: "check",
  questions: [
    {
      id: "s",
      type: "single",
      prompt: "Which ships?",
      choices: [{ text: "First" }, { text: "Last", correct: true }],
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
const ids = (q: string, texts: string[]) => texts.map((t) => optionId("check", q, t));
const CHOICES = { s: ids("s", ["First", "Last"]), m: ids("m", ["Faster", "Cheaper", "More CPU"]) };
const ITEMS = ids("o", ["deps", "build", "runner"]);

/** Fields as a FormData holds them: every value under its name, in order. */
function fields(entries: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** What the browser sends for these answers: the checked inputs, the typed text, each item's position. */
function sent(answers: Answers): [string, string][] {
  const out: [string, string][] = [];
  const field = (q: string) => questionField("check", q);
  for (const [q, a] of Object.entries(answers)) {
    if (q === "o")
      for (const [i, item] of (a as string[]).entries()) out.push([field(q), orderPosition(item, i + 1)]);
    else if (Array.isArray(a)) for (const x of a) out.push([field(q), x]);
    else out.push([field(q), String(a)]);
  }
  return out;
}

const validAnswers = fc.record(
  {
    s: fc.constantFrom(...CHOICES.s),
    m: fc.subarray(CHOICES.m, { minLength: 1 }),
    t: fc.boolean(),
    f: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ""),
    o: fc.shuffledSubarray(ITEMS, { minLength: 3, maxLength: 3 }),
    n: fc
      .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
      .map((n) => (n === 0 ? 0 : n)),
  },
  { requiredKeys: [] },
);

describe("reading a quiz form sent without JavaScript", () => {
  it("gives back the answers the form was filled in with, in the quiz's order", () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const read = readQuizForm(quiz, fields(sent(answers)));
        expect(read.problems).toEqual([]);
        const order = quiz.questions.map((q) => q.id).filter((id) => id in answers);
        expect(Object.keys(read.answers)).toEqual(order);
        expect(read.answers).toEqual(answers);
        // Every question answered: nothing for the write to refuse.
        if (order.length === quiz.questions.length) expect(validateAnswers(quiz, read.answers)).toEqual([]);
      }),
    );
  });

  it("never throws on any fields: each answer has its question's type, or the question has a message", () => {
    const name = fc.oneof(
      fc.constantFrom(...quiz.questions.map((q) => questionField("check", q.id))),
      fc.string(),
    );
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(...CHOICES.s, ...CHOICES.m, "true", "false", "1,5", " 93 "),
      fc
        .tuple(fc.constantFrom(...ITEMS, "nope"), fc.integer({ min: -1, max: 4 }))
        .map(([i, p]) => orderPosition(i, p)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 12 }), (entries) => {
        const { answers, problems } = readQuizForm(quiz, fields(entries));
        for (const p of problems) expect(p.message).toMatch(/^Question [1-6]: \w/);
        const flagged = new Set(problems.map((p) => p.questionId));
        for (const q of quiz.questions) {
          const a = answers[q.id];
          if (a === undefined || flagged.has(q.id)) continue;
          if (q.type === "single" || q.type === "fill") expect(typeof a).toBe("string");
          if (q.type === "multiple") expect(Array.isArray(a) && a.length > 0).toBe(true);
          if (q.type === "truefalse") expect(typeof a).toBe("boolean");
          if (q.type === "numeric") expect(Number.isFinite(a)).toBe(true);
          if (q.type === "order") expect([...(a as string[])].sort()).toEqual([...ITEMS].sort());
        }
      }),
    );
  });

  it("says what is wrong with an order, a number or a second radio value, and keeps a typed number", () => {
    const f = (q: string) => questionField("check", q);
    const read = readQuizForm(
      quiz,
      fields([
        [f("o"), orderPosition(ITEMS[0]!, 1)],
        [f("o"), orderPosition(ITEMS[1]!, 1)],
        [f("o"), orderPosition(ITEMS[2]!, 3)],
        [f("n"), "ninety"],
        [f("s"), CHOICES.s[0]!],
        [f("s"), CHOICES.s[1]!],
        [f("f"), ""],
        [f("m"), CHOICES.m[2]!],
      ]),
    );
    expect(read.problems).toEqual([
      { questionId: "s", message: "Question 1: pick one of the choices" },
      { questionId: "o", message: "Question 5: give each item its own position, 1 to 3" },
      { questionId: "n", message: "Question 6: enter a number" },
    ]);
    expect(read.answers).toEqual({ m: [CHOICES.m[2]], n: "ninety" });
    expect(readQuizForm(quiz, fields([[f("n"), " 92,5 "]])).answers).toEqual({ n: 92.5 });
  });
});
