import { z } from "zod";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "./slug-pattern";

/**
 * The one form of a name in a URL or a form: course, lesson and part slugs, quiz and question ids.
 * Authors' files are checked against it, and so is every request that names one.
 */
export const SlugSchema = z
  .string()
  .max(SLUG_MAX_LENGTH, `is too long (${SLUG_MAX_LENGTH} characters at most)`)
  .regex(SLUG_PATTERN, "must be lowercase words joined by hyphens, e.g. multi-stage-builds");
export type Slug = z.infer<typeof SlugSchema>;
