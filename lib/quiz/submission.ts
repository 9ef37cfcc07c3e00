import { z } from "zod";
import { SlugSchema } from "@/lib/content/slug";

const AnswerValue = z.union([
  z.string().max(200, "is too long"),
  z.array(z.string().max(40)).max(50),
  z.boolean(),
  z.number().finite(),
]);

/** A quiz submission: answers by question id (the form without JavaScript sends each question's inputs: ./form-answers.ts). */
export const QuizSubmissionSchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  quizId: SlugSchema,
  version: z.string().regex(/^[a-f0-9]{12}$/, "The quiz version is missing; reload the page"),
  // Optional for the lesson's form without JavaScript, which cannot choose one: the write derives
  // it (./form-submission.ts), as an exercise's form does (decision 034).
  submissionId: z.string().uuid("The submission id is not valid; reload the page").optional(),
  answers: z
    .record(SlugSchema, AnswerValue, { message: "The answers could not be read" })
    .refine((answers) => Object.keys(answers).length <= 100, "There are too many answers"),
});
export type QuizSubmission = z.infer<typeof QuizSubmissionSchema>;
