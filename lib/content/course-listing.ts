import type { Diagnostic } from "./diagnostics";

type Listing = { slug: string; parts: { part: number; slug: string }[] };

/**
 * What course.json says about a lesson's `part` and `slug`: nothing when a course lists the
 * slug at that part, else one diagnostic that says what it does list. `npm run content:check`
 * passes the lesson's own course (an error: an unlisted lesson is not published); the preview,
 * which does not know the course of a source, passes every course (a warning while drafting).
 */
export function courseListingDiagnostics(
  lesson: { slug: string; part: number },
  at: { file: string; line: number },
  courses: Listing[],
  severity: Diagnostic["severity"],
): Diagnostic[] {
  const listed = courses.flatMap((c) => c.parts.map((p) => ({ course: c.slug, ...p })));
  if (listed.some((p) => p.slug === lesson.slug && p.part === lesson.part)) return [];
  const problem = (message: string, hint: string): Diagnostic[] => [
    { file: at.file, line: at.line, column: 1, severity, rule: "course", message, hint },
  ];
  const sameSlug = listed.find((p) => p.slug === lesson.slug);
  if (sameSlug)
    return problem(
      `Lesson says part ${lesson.part}, ${sameSlug.course}'s course.json says part ${sameSlug.part}`,
      "Make the lesson's part and course.json agree",
    );
  const samePart = listed.filter((p) => p.part === lesson.part);
  const taken = samePart.length
    ? ` (part ${lesson.part} there is "${samePart.map((p) => p.slug).join('", "')}")`
    : "";
  return problem(
    `Part ${lesson.part} ("${lesson.slug}") is not in course.json${taken}`,
    `Add { "part": ${lesson.part}, "slug": "${lesson.slug}", "title": … } to course.json's parts: until then the lesson is not published`,
  );
}

/** The 1-based line of a top-level frontmatter key (`part:`), or 2 (the first frontmatter line). */
export function frontmatterLine(source: string, key: string): number {
  const lines = source.split("\n");
  const end = lines.indexOf("---", 1);
  const at = lines.slice(0, end > 0 ? end : lines.length).findIndex((l) => l.startsWith(`${key}:`));
  return at > 0 ? at + 1 : 2;
}
