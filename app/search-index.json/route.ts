import { buildSearchIndex } from "@/lib/search/index";
import type { SearchSectionRef } from "@/lib/search/match";

// Built once at `next build`; served as a static file.
export const dynamic = "force-static";

export async function GET() {
  const docs = await buildSearchIndex();
  const sections: SearchSectionRef[] = docs.flatMap((d) =>
    d.sections.map((s) => ({
      course: d.course,
      lesson: d.lesson,
      part: d.part,
      title: d.title,
      id: s.id,
      heading: s.heading,
      text: s.text,
    })),
  );
  return Response.json({ sections });
}
