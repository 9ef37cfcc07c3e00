import { IslandComponentsContext } from "@/components/islands/island";
import { islandComponents } from "@/components/islands/island-components";
import { lessonComponents } from "@/components/mdx/mdx-components";
import { renderLessonTree } from "@/components/mdx/render-lesson";
import { type LessonBodySource, takeLessonBody } from "./body-handoff";

/** A lesson's tree as the lesson page's HTML: the one renderer, islands rendered in place. */
export function LessonBodyTree({ tree, course, lesson }: LessonBodySource) {
  return (
    <IslandComponentsContext value={islandComponents}>
      {renderLessonTree(tree, lessonComponents({ course, lesson }))}
    </IslandComponentsContext>
  );
}

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
      <LessonBodyTree {...source} />
    </div>
  );
}
