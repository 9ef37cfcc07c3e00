import { IslandComponentsContext } from "@/components/islands/island";
import { islandComponents } from "@/components/islands/island-components";
import { lessonComponents } from "@/components/mdx/mdx-components";
import { renderLessonTree } from "@/components/mdx/render-lesson";
import { takeLessonBody } from "./body-handoff";

/**
 * The lesson body as the one lesson renderer draws it, for the server render only. The browser
 * build replaces this module with ./lesson-body-html.browser.ts (next.config.mjs,
 * turbopack.resolveAlias), so none of this, nor the components it renders, is part of the
 * page's JavaScript; <LessonBody> never renders it in the browser.
 */
export default function LessonBodyHtml({ bodyKey }: { bodyKey: string }) {
  const source = takeLessonBody(bodyKey);
  if (!source) throw new Error(`No lesson body was handed over for ${bodyKey}`);
  return (
    <div className="lesson-prose" data-lesson-body={bodyKey}>
      <IslandComponentsContext value={islandComponents}>
        {renderLessonTree(source.tree, lessonComponents({ course: source.course, lesson: source.lesson }))}
      </IslandComponentsContext>
    </div>
  );
}
