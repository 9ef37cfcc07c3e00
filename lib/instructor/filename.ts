/**
 * The file name for a downloaded lesson source, as lessons are named in content/: the part
 * number (two digits) and the slug from the frontmatter, e.g. `07-multi-stage-builds.mdx`.
 * Falls back to `<slug>.mdx`, then `lesson.mdx`, when the frontmatter does not say.
 */
export function lessonFileName(source: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? "";
  const slug = /^slug:\s*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?\s*$/m.exec(frontmatter)?.[1];
  const part = /^part:\s*(\d{1,3})\s*$/m.exec(frontmatter)?.[1];
  if (!slug) return "lesson.mdx";
  return part ? `${part.padStart(2, "0")}-${slug}.mdx` : `${slug}.mdx`;
}
