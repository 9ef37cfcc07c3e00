import { z } from "zod";

/**
 * The one form of a name in a URL or a form: course, lesson and part slugs, quiz and question ids.
 * Authors' files are checked against it, and so is every request that names one.
 */
export const SlugSchema = z
  .string()
  .max(80, "is too long (80 characters at most)")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens, e.g. multi-stage-builds");
export type Slug = z.infer<typeof SlugSchema>;
