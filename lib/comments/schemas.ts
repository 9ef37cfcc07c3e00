import { z } from "zod";
import { SlugSchema } from "@/lib/content/slug";
import { REPORT_REASONS } from "./limits";
import { validateCommentBody } from "./markdown";

const id = z.string().regex(/^[a-z0-9]{10,40}$/i, "Unknown comment");

/** A comment's text: trimmed, 1–5,000 characters, no control characters. */
export const CommentBodySchema = z.string({ message: "Write a comment first" }).transform((text, ctx) => {
  const result = validateCommentBody(text);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.body;
});

export const PostCommentSchema = z.object({
  course: SlugSchema,
  lesson: SlugSchema,
  parentId: id.optional().or(z.literal("").transform(() => undefined)),
  body: CommentBodySchema,
  submissionId: z.string().uuid("Reload the page and try again"),
  /** Honeypot: hidden from people, filled by bots. */
  website: z.string().max(0, "Leave the website field empty").optional(),
});

/** A comment to preview: checked and rendered exactly as posting it would be, stored nowhere. */
export const PreviewCommentSchema = z.object({ body: CommentBodySchema });
export const EditCommentSchema = z.object({ id, body: CommentBodySchema });
export const CommentIdSchema = z.object({ id });
export const HideCommentSchema = z.object({
  id,
  hidden: z.boolean(),
});
export const ReportCommentSchema = z.object({
  id,
  reason: z.enum(Object.keys(REPORT_REASONS) as [keyof typeof REPORT_REASONS], { message: "Pick a reason" }),
});

const authorId = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "Unknown author");
/** An author a moderator acts on (all of their comments). */
export const AuthorIdSchema = z.object({ authorId });
/** Suspend (true) or lift the suspension of (false) an author's posting. */
export const SuspendPostingSchema = z.object({ authorId, suspended: z.boolean() });
