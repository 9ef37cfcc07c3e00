import type { Code, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { gradeAuthorAnswer } from "@/lib/exercise-engine/grade";
import { toPublicExercise } from "@/lib/exercise-engine/public";
import { CHECK_KINDS, type ExerciseDefinition, ExerciseDefinitionSchema } from "@/lib/exercise-engine/schema";
import { parseCodeMeta } from "../code-meta";
import { highlightBlock } from "../highlight";
import type { Collector, Located } from "./collector";
import { readYamlFence, reportYamlErrors } from "./yaml-fence";

const HINT = "See the exercise section of content/AUTHORING.md";
const KNOWN_KINDS = new Set<string>(CHECK_KINDS);
/** Markdown the task may hold: text, lists, code, links, tables; no headings (they would join the lesson's outline) and no HTML. */
const REFUSED_IN_TASK = new Set(["heading", "html", "yaml", "definition", "footnoteDefinition"]);

/**
 * Turns every ```exercise block into an <Exercise> element: its public view (no checks, hints or
 * solution), the highlighted starter and .dockerignore, and the task's Markdown as children, so
 * the one lesson renderer renders it. The full definition goes to the collector and stays on the
 * server. The reference solution must pass every check and the starter must fail one; both are
 * graded here, so the build, content:check and the preview all refuse an exercise that doesn't.
 */
export function remarkExercise(collector: Collector) {
  return () => async (tree: Root) => {
    const jobs: Promise<void>[] = [];
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== "exercise" || !parent || index === undefined) return;
      const fence = readYamlFence(node);
      const { doc, fenceLine, at } = fence;
      const remove = () => {
        parent.children.splice(index, 1);
        return index;
      };
      if (reportYamlErrors(fence, collector, "exercise", "Exercise")) return remove();
      const raw = doc.toJS() as { checks?: unknown };
      const unknown = new Set<number>();
      if (Array.isArray(raw?.checks)) {
        raw.checks.forEach((check: unknown, i: number) => {
          const kind = (check as { kind?: unknown } | null)?.kind;
          if (typeof kind === "string" && !KNOWN_KINDS.has(kind)) {
            unknown.add(i);
            collector.error(
              at(["checks", i, "kind"]),
              "exercise",
              `Unknown check kind "${kind}"; the kinds are ${CHECK_KINDS.join(", ")}`,
              HINT,
            );
          }
        });
      }
      const parsed = ExerciseDefinitionSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === "checks" && unknown.has(issue.path[1] as number)) continue;
          const where = issue.path.length ? `"${issue.path.join(".")}" ` : "";
          collector.error(at(issue.path), "exercise", `Exercise ${where}${issue.message}`, HINT);
        }
        return remove();
      }
      if (unknown.size > 0) return remove();
      const exercise = parsed.data;
      if (collector.exercises.some((e) => e.id === exercise.id)) {
        collector.error(
          { line: fenceLine, column: 1 },
          "exercise",
          `Two exercises in this lesson have the id "${exercise.id}"`,
        );
        return remove();
      }
      if (!verifyAnswers(exercise, collector, at)) return remove();
      const task = taskNodes(exercise.task, at(["task"]), collector);
      if (!task) return remove();
      collector.exercises.push(exercise);
      const element = {
        type: "mdxJsxFlowElement",
        name: "Exercise",
        attributes: [
          { type: "mdxJsxAttribute", name: "exercise", value: JSON.stringify(toPublicExercise(exercise)) },
        ],
        children: task,
        position: node.position,
      };
      jobs.push(
        highlighted(exercise).then((extra) => {
          element.attributes.push(...extra);
        }),
      );
      parent.children.splice(index, 1, element as unknown as Code);
      return index + 1;
    });
    await Promise.all(jobs);
  };
}

/** The task's Markdown as mdast nodes placed at the task's line, or null (reported) when it holds what a task may not. */
function taskNodes(task: string, at: Located, collector: Collector): RootContent[] | null {
  const root = unified().use(remarkParse).use(remarkGfm).parse(task);
  let refused = false;
  const position = { start: { ...at, offset: 0 }, end: { ...at, offset: 0 } };
  visit(root, (node) => {
    // The task's links and images are checked like the lesson's (anchors, files, schemes).
    if (node.type === "link") collector.links.push({ ...at, url: node.url });
    if (node.type === "image") collector.images.push({ ...at, src: node.url });
    if (REFUSED_IN_TASK.has(node.type)) {
      refused = true;
      collector.error(
        at,
        "exercise",
        node.type === "heading"
          ? "An exercise task may not hold headings; put a heading above the exercise"
          : `An exercise task is Markdown only; it may not hold ${node.type === "html" ? "HTML" : `a ${node.type}`}`,
        HINT,
      );
    }
    node.position = position;
  });
  return refused ? null : root.children;
}

/** The reference solution passes every check; the starter fails at least one. Reports otherwise. */
function verifyAnswers(
  exercise: ExerciseDefinition,
  collector: Collector,
  at: (path: (string | number)[]) => Located,
): boolean {
  let ok = true;
  const solution = gradeAuthorAnswer(exercise, exercise.solution);
  if (!solution.ok) {
    collector.error(
      at(["solution"]),
      "exercise",
      `The reference solution can't be graded: ${solution.message}`,
      HINT,
    );
    ok = false;
  } else {
    solution.checks.forEach((outcome, i) => {
      if (outcome.passed) return;
      ok = false;
      collector.error(
        at(["checks", i]),
        "exercise",
        `The reference solution fails check "${outcome.id}"${outcome.line ? ` (its line ${outcome.line})` : ""}: ${outcome.detail ?? outcome.description}`,
        "Fix the solution or the check: a learner must be able to pass every check",
      );
    });
  }
  const starter = gradeAuthorAnswer(exercise, exercise.starter);
  if (!starter.ok) {
    collector.error(at(["starter"]), "exercise", `The starter can't be graded: ${starter.message}`, HINT);
    ok = false;
  } else if (starter.passed) {
    collector.error(
      at(["starter"]),
      "exercise",
      "The starter already passes every check; there is nothing left to do",
      "Start from a Dockerfile that fails at least one check",
    );
    ok = false;
  }
  return ok;
}

type Attr = { type: "mdxJsxAttribute"; name: string; value: string };

/** The starter (and .dockerignore) highlighted like the lesson's code blocks. */
async function highlighted(exercise: ExerciseDefinition): Promise<Attr[]> {
  const meta = parseCodeMeta("");
  const starter = await highlightBlock(exercise.starter.replace(/\n$/, ""), "dockerfile", meta);
  const attrs: Attr[] = [{ type: "mdxJsxAttribute", name: "starterHtml", value: starter.html }];
  if (exercise.dockerignore !== undefined) {
    const ignore = await highlightBlock(exercise.dockerignore.replace(/\n$/, ""), "text", meta);
    attrs.push({ type: "mdxJsxAttribute", name: "dockerignoreHtml", value: ignore.html });
  }
  return attrs;
}
