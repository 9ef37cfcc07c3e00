import { z } from "zod";
import { SlugSchema } from "./slug";

/** content/courses/<course>/course.json */
export const CourseMetaSchema = z
  .object({
    slug: SlugSchema,
    title: z.string().min(3, "is too short"),
    description: z.string().min(20, "should be at least a sentence (20+ characters)"),
    level: z.enum(["beginner", "intermediate", "advanced"]),
    parts: z
      .array(
        z.object({ part: z.number().int().positive(), slug: SlugSchema, title: z.string().min(3) }).strict(),
      )
      .min(1, "must list at least one part"),
  })
  .strict();
export type CourseMeta = z.infer<typeof CourseMetaSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "is not a real date");

/** A lesson's frontmatter. Unknown keys are rejected so that typos do not pass silently. */
export const LessonFrontmatterSchema = z
  .object({
    title: z.string().min(3, "is too short"),
    part: z
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .positive("must be 1 or more"),
    slug: SlugSchema,
    summary: z
      .string()
      .min(20, "should be a sentence or two (20–320 characters)")
      .max(320, "is longer than 320 characters"),
    objectives: z
      .array(z.string().min(3, "is too short"), { message: "must be a list of learning objectives" })
      .min(1, "needs at least one learning objective")
      .max(8, "has more than 8 objectives; keep the most important"),
    minutes: z.number().int().positive().max(240).optional(),
    updated: isoDate,
    draft: z.boolean().default(false),
    /** What completes the lesson: passing its quizzes, its exercises, or both (default: whatever it has). */
    completion: z
      .enum(["quiz", "exercises", "both"], { message: "must be quiz, exercises or both" })
      .optional(),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

/** A heading of a lesson, for the table of contents and links. */
export type Heading = { depth: 2 | 3; id: string; text: string };

/** A section of a lesson's text, for search. */
export type SearchSection = { id: string | null; heading: string; text: string };
