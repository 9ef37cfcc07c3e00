import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, "is not a valid name");

const AnswerValue = z.union([
  z.string().max(200, "is too long"),
  z.array(z.string().max(40)).max(50),
  z.boolean(),
  z.number().finite(),
]);

/** A quiz submission as the form posts it (answers as JSON, so every type travels as itself). */
export const QuizSubmissionSchema = z.object({
  course: slug,
  lesson: slug,
  quizId: slug,
  version: z.string().regex(/^[a-f0-9]{12}$/, "The quiz version is missing; reload the page"),
  submissionId: z.string().uuid("The submission id is missing; reload the page"),
  answers: z
    .string({ message: "Answers are missing" })
    .max(20_000, "The answers are too long")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The answers could not be read" });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().max(80), AnswerValue, { message: "The answers could not be read" })),
});
export type QuizSubmission = z.infer<typeof QuizSubmissionSchema>;

/** The form fields a quiz submission posts. */
export const QUIZ_FIELDS = ["course", "lesson", "quizId", "version", "submissionId", "answers"] as const;
