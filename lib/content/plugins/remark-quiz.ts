import type { Code, Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import { toPublicQuiz } from "@/lib/content/quiz-public";
import { QuizDefinitionSchema } from "@/lib/content/quiz-schema";
import { firstPerPath } from "../frontmatter";
import type { Collector } from "./collector";
import { readYamlFence, reportYamlErrors } from "./yaml-fence";

/** A node's plain text (a heading's words without their marks). */
const textOf = (node: Nodes): string =>
  "value" in node ? node.value : "children" in node ? node.children.map(textOf).join("") : "";

/**
 * Where in a quiz a problem is, in the author's words: `question 3 ("layers"): choice 2: `
 * rather than the schema's path `questions.2.choices.1`.
 */
function whereIn(quiz: unknown, path: (string | number)[]): string {
  if (path.length === 0) return "";
  if (path[0] !== "questions" || typeof path[1] !== "number") return `"${path.join(".")}": `;
  const questions = (quiz as { questions?: unknown[] } | null)?.questions;
  const id = (questions?.[path[1]] as { id?: unknown } | undefined)?.id;
  const named = `question ${path[1] + 1}${typeof id === "string" ? ` ("${id}")` : ""}`;
  const [field, index, ...rest] = path.slice(2);
  if (field === undefined) return `${named}: `;
  if (typeof index === "number" && (field === "choices" || field === "items" || field === "accept"))
    return `${named}: ${field.replace(/s$/, "")} ${index + 1}${rest.length ? ` "${rest.join(".")}"` : ""}: `;
  return `${named}: "${[field, index, ...rest].filter((p) => p !== undefined).join(".")}" `;
}

/**
 * Turns every ```quiz block into a <Quiz> element carrying only the public view (questions
 * and choices). The full definition, with its answer key, goes to the collector and stays
 * on the server.
 */
export function remarkQuiz(collector: Collector) {
  return () => (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== "quiz" || !parent || index === undefined) return;
      const fence = readYamlFence(node);
      const { doc, fenceLine, at } = fence;
      const remove = () => {
        parent.children.splice(index, 1);
        return index;
      };
      if (reportYamlErrors(fence, collector, "quiz", "Quiz")) return remove();
      const parsed = QuizDefinitionSchema.safeParse(doc.toJS());
      if (!parsed.success) {
        for (const issue of firstPerPath(parsed.error.issues)) {
          collector.error(
            at(issue.path),
            "quiz",
            `Quiz ${whereIn(doc.toJS(), issue.path as (string | number)[])}${issue.message.replace(/^Invalid input: expected \w+, received undefined$/, "is missing")}`,
            "See the quiz section of content/AUTHORING.md",
          );
        }
        return remove();
      }
      const quiz = parsed.data;
      if (collector.quizzes.some((q) => q.id === quiz.id)) {
        collector.error(
          { line: fenceLine, column: 1 },
          "quiz",
          `Two quizzes in this lesson have the id "${quiz.id}"`,
        );
        return remove();
      }
      collector.quizzes.push(quiz);
      // A heading right above that already says the quiz's title is its title: say it once.
      const above = parent.children[index - 1];
      const titled = !(
        above?.type === "heading" && textOf(above).trim().toLowerCase() === quiz.title.toLowerCase()
      );
      const element = {
        type: "mdxJsxFlowElement",
        name: "Quiz",
        attributes: [
          { type: "mdxJsxAttribute", name: "quiz", value: JSON.stringify(toPublicQuiz(quiz)) },
          ...(titled ? [] : [{ type: "mdxJsxAttribute", name: "showTitle", value: "false" }]),
        ],
        children: [],
        position: node.position,
      };
      parent.children.splice(index, 1, element as unknown as Code);
      return index + 1;
    });
  };
}
