import "server-only";
import { z } from "zod";
import { defineWrite, perUser } from "@/lib/actions/pipeline";
import { ActionError } from "@/lib/actions/result";
import type { CompiledLesson } from "@/lib/content/compile";
import type { Diagnostic } from "@/lib/content/diagnostics";
import { authorizeStaff } from "./access";
import { PREVIEW_MAX_BYTES, sourceBytes, tooLargeMessage } from "./limits";
import { compilePreview } from "./preview";

// The limit is in UTF-8 bytes, as the instructor's file would be.
const SourceSchema = z.string({ message: "The source is missing" }).superRefine((source, ctx) => {
  const bytes = sourceBytes(source);
  if (bytes > PREVIEW_MAX_BYTES) ctx.addIssue({ code: "custom", message: tooLargeMessage(bytes) });
});

/**
 * Compiles a lesson source through the content pipeline for the instructor preview. Staff only;
 * stores nothing but its rate-limit count (never content/).
 */
export const previewLesson = defineWrite({
  name: "instructor.preview",
  schema: z.object({ source: SourceSchema }),
  rateLimits: [perUser("instructorPreview")],
  authorize: authorizeStaff,
  async write(
    _ctx,
    input,
  ): Promise<{ lesson: CompiledLesson | null; diagnostics: Diagnostic[]; ms: number }> {
    const outcome = await compilePreview(input.source);
    if (outcome.status === "refused") throw new ActionError(outcome.message);
    return { lesson: outcome.lesson, diagnostics: outcome.diagnostics, ms: outcome.ms };
  },
});
