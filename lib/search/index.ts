import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { loadLesson } from "@/lib/content/load";

export type SearchDocument = {
  course: string;
  courseTitle: string;
  lesson: string;
  part: number;
  title: string;
  sections: { id: string | null; heading: string; text: string }[];
};

/** The search index: every published lesson's sections, from the same compile as the pages. */
export async function buildSearchIndex(): Promise<SearchDocument[]> {
  const docs: SearchDocument[] = [];
  for (const course of getCatalog()) {
    for (const lesson of course.lessons) {
      const compiled = await loadLesson(lesson);
      docs.push({
        course: course.slug,
        courseTitle: course.title,
        lesson: lesson.slug,
        part: lesson.part,
        title: lesson.title,
        sections: [{ id: null, heading: lesson.title, text: lesson.summary }, ...compiled.sections],
      });
    }
  }
  return docs;
}
