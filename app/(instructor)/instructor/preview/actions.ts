"use server";

import type { ReactNode } from "react";
import { createElement } from "react";
import { z } from "zod";
import { PreviewDocument } from "@/components/instructor/preview-document";
import { defineWrite, perUser } from "@/lib/actions/pipeline";
import { ActionError, type ActionResult } from "@/lib/actions/result";
import type { Diagnostic } from "@/lib/content/diagnostics";
import { authorizeStaff } from "@/lib/instructor/access";
import { PREVIEW_MAX_BYTES, sourceBytes, tooLargeMessage } from "@/lib/instructor/limits";
import { compilePreview } from "@/lib/instructor/preview";

export type PreviewData = {
  /** Problems with line and column (frontmatter, MDX, checker rules); empty when clean. */
  diagnostics: Diagnostic[];
  /** The rendered lesson (React Server Components), or null while there are errors. */
  preview: ReactNode;
  /** Time spent compiling on the server. */
  ms: number;
};

// The limit is in UTF-8 bytes, as the instructor's file would be.
const SourceSchema = z.string({ message: "The source is missing" }).superRefine((source, ctx) => {
  const bytes = sourceBytes(source);
  if (bytes > PREVIEW_MAX_BYTES) ctx.addIssue({ code: "custom", message: tooLargeMessage(bytes) });
});

const preview = defineWrite({
  schema: z.object({ source: SourceSchema }),
  authorize: authorizeStaff,
  rateLimits: [perUser("instructorPreview")],
  async write(_ctx, input): Promise<PreviewData> {
    const outcome = await compilePreview(input.source);
    if (outcome.status === "refused") throw new ActionError(outcome.message);
    const { lesson, diagnostics, ms } = outcome;
    return {
      diagnostics,
      preview: lesson ? createElement(PreviewDocument, { lesson }) : null,
      ms,
    };
  },
});

/**
 * Compiles a lesson source through the content pipeline and renders it on the server for the
 * instructor preview. Staff only; stores nothing but its rate-limit count (never content/).
 */
export async function previewLessonAction(input: { source: string }): Promise<ActionResult<PreviewData>> {
  return preview(input);
}
