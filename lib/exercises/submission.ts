import { z } from "zod";
import { SlugSchema } from "@/lib/content/slug";

/** The largest request body a submission may have: well past the grader's own limit, so the grader says why. */
export const MAX_SUBMISSION_BODY = 1_000_000;

const Target = {
  course: SlugSchema,
  lesson: SlugSchema,
  exerciseId: SlugSchema,
  version: z.string().regex(/^[a-f0-9]{12}$/, "The exercise version is missing; reload the page"),
};

/**
 * A submitted Dockerfile. The grader (lib/exercises/grade.ts) refuses what it cannot read (empty,
 * too large, binary, too many stages) with a message; this only bounds what is decoded at all.
 * The submission id is optional for the form without JavaScript on a prerendered lesson (which
 * cannot choose one per visit: the server derives one, lib/exercises/form-submission.ts); the
 * island and the exercise's own page always send one.
 */
export const ExerciseSubmissionSchema = z.object({
  ...Target,
  submissionId: z.string().uuid("The submission id is not valid; reload the page").optional(),
  source: z
    .string({ message: "Send the Dockerfile as text" })
    .max(MAX_SUBMISSION_BODY, "The Dockerfile is far too large"),
});

/** A request for the next hint of a check: `index` is 1 for the second hint (the first comes with the result). */
export const HintRequestSchema = z.object({
  ...Target,
  checkId: SlugSchema,
  // Text, as a form sends it (and as the island sends it too): one decoding for both.
  index: z
    .string()
    .regex(/^[1-9][0-9]?$/, "Ask for hint 1 or later (the first comes with the result)")
    .transform(Number),
});

/** A request for the reference solution. */
export const SolutionRequestSchema = z.object(Target);

/**
 * A learner's draft (the grader's limit applies: a draft is a Dockerfile too) and the revision of
 * the server's draft it builds on (0: none seen), which the server compares and sets.
 */
export const DraftSchema = z.object({
  course: Target.course,
  lesson: Target.lesson,
  exerciseId: Target.exerciseId,
  source: z.string().max(64 * 1024, "The draft is larger than 64 KB; it was not saved"),
  // Text, as the hint's index is: one decoding for every exercise write.
  base: z
    .string({ message: "The draft's revision is missing; reload the page" })
    .regex(/^(0|[1-9][0-9]{0,8})$/, "The draft's revision is not valid; reload the page")
    .transform(Number),
  // Sent once the learner chose between the draft and one set aside at sign-in (lib/exercises/drafts.ts).
  settles: z.literal("aside", { message: "The draft's choice is not valid; reload the page" }).optional(),
});
