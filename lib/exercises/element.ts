import type { LessonElement, LessonNode } from "@/lib/content/lesson-tree";

/** The Exercise element with this id in a compiled lesson tree (its public view names it), or null. */
export function findExerciseElement(tree: LessonNode[], exerciseId: string): LessonElement | null {
  for (const node of tree) {
    if (typeof node === "string") continue;
    if (node.name === "Exercise" && typeof node.props?.exercise === "string") {
      try {
        if ((JSON.parse(node.props.exercise) as { id?: unknown }).id === exerciseId) return node;
      } catch {
        // Not a public view (the compiler verified it, so this does not happen): keep looking.
      }
    }
    const inner = findExerciseElement(node.children ?? [], exerciseId);
    if (inner) return inner;
  }
  return null;
}
