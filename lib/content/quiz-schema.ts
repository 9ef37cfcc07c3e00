import { z } from "zod";
import { SlugSchema } from "./slug";

const text = z.string().trim().min(1, "must not be empty");

const base = {
  id: SlugSchema,
  prompt: text,
  explanation: z.string().trim().optional(),
  points: z.number().int().positive().max(100).default(1),
};

const ChoiceSchema = z
  .object({ text, correct: z.boolean().default(false), explanation: z.string().trim().optional() })
  .strict();

const SingleSchema = z
  .object({
    ...base,
    type: z.literal("single"),
    choices: z.array(ChoiceSchema).min(2, "needs at least two choices"),
  })
  .strict()
  .refine((q) => q.choices.filter((c) => c.correct).length === 1, {
    message: "needs exactly one choice marked `correct: true`",
    path: ["choices"],
  });

const MultipleSchema = z
  .object({
    ...base,
    type: z.literal("multiple"),
    choices: z.array(ChoiceSchema).min(2, "needs at least two choices"),
  })
  .strict()
  .refine((q) => q.choices.some((c) => c.correct), {
    message: "needs at least one choice marked `correct: true`",
    path: ["choices"],
  });

const TrueFalseSchema = z.object({ ...base, type: z.literal("truefalse"), answer: z.boolean() }).strict();

const FillSchema = z
  .object({
    ...base,
    type: z.literal("fill"),
    accept: z.array(text).min(1, "needs at least one accepted answer"),
  })
  .strict();

const OrderSchema = z
  .object({ ...base, type: z.literal("order"), items: z.array(text).min(2, "needs at least two items") })
  .strict()
  .refine((q) => new Set(q.items).size === q.items.length, {
    message: "has duplicate items",
    path: ["items"],
  });

const NumericSchema = z
  .object({
    ...base,
    type: z.literal("numeric"),
    answer: z.number(),
    tolerance: z.number().min(0).default(0),
    unit: z.string().trim().max(12).optional(),
  })
  .strict();

export const QuestionSchema = z.discriminatedUnion("type", [
  SingleSchema,
  MultipleSchema,
  TrueFalseSchema,
  FillSchema,
  OrderSchema,
  NumericSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question["type"];

/** A quiz as an author writes it in a ```quiz block: questions together with their answer key. */
export const QuizDefinitionSchema = z
  .object({
    id: SlugSchema,
    title: z.string().trim().min(1).default("Check your understanding"),
    passPercent: z.number().min(0).max(100).default(70),
    /**
     * After how many attempts a learner who has not passed sees the correct answers. Absent:
     * only after passing (the answer key stays on the server until then).
     */
    revealAfterAttempts: z.number().int().min(1).max(100).optional(),
    questions: z.array(QuestionSchema).min(1, "needs at least one question"),
  })
  .strict()
  .refine((q) => new Set(q.questions.map((x) => x.id)).size === q.questions.length, {
    message: "has two questions with the same id",
    path: ["questions"],
  });
export type QuizDefinition = z.infer<typeof QuizDefinitionSchema>;

/** What the browser receives: prompts and choices, never which are correct or any explanation. */
export type PublicQuestion =
  | {
      id: string;
      type: "single" | "multiple";
      prompt: string;
      points: number;
      choices: { id: string; text: string }[];
    }
  | { id: string; type: "truefalse"; prompt: string; points: number }
  | { id: string; type: "fill"; prompt: string; points: number }
  | { id: string; type: "order"; prompt: string; points: number; items: { id: string; text: string }[] }
  | { id: string; type: "numeric"; prompt: string; points: number; unit?: string };

export type PublicQuiz = {
  id: string;
  title: string;
  passPercent: number;
  /** See QuizDefinitionSchema: the page says when the answers will be shown. */
  revealAfterAttempts?: number;
  version: string;
  maxScore: number;
  questions: PublicQuestion[];
};
