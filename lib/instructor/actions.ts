"use server";

import type { ReactNode } from "react";
import { createElement } from "react";
import { PreviewDocument } from "@/components/instructor/preview-document";
import type { ActionResult } from "@/lib/actions/result";
import type { Diagnostic } from "@/lib/content/diagnostics";
import { previewLesson } from "./writes";

export type PreviewData = {
  /** Problems with line and column (frontmatter, MDX, checker rules); empty when clean. */
  diagnostics: Diagnostic[];
  /** The rendered lesson (React Server Components), or null while there are errors. */
  preview: ReactNode;
  /** Time spent compiling on the server. */
  ms: number;
};

/**
 * Compiles a lesson source through the content pipeline and renders it on the server for the
 * instructor preview: the compiled MDX is evaluated here, never in the browser.
 */
export async function previewLessonAction(input: { source: string }): Promise<ActionResult<PreviewData>> {
  const result = await previewLesson(input);
  if (!result.ok) return result;
  const { lesson, diagnostics, ms } = result.data;
  return {
    ok: true,
    data: { diagnostics, preview: lesson ? createElement(PreviewDocument, { lesson }) : null, ms },
  };
}
