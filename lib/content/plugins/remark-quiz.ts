import type { Code, Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import { toPublicQuiz } from "@/lib/content/quiz-public";
import { QuizDefinitionSchema } from "@/lib/content/quiz-schema";
import type { Collector } from "./collector";
import { readYamlFence } from "./yaml-fence";

/** A node's plain text (a heading's words without their marks). */
const textOf = (node: Nodes): string =>
  "value" in node ? node.value : "children" in node ? node.children.map(textOf).join("") : "";

/**
 * Turns every ```quiz block into a <Quiz> element carrying only the public view (questions
 * and choices). The full definition, with its answer key, goes to the collector and stays
 * on the server.
 */
export function remarkQuiz(collector: Collector) {
  return () => (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== "quiz" || !parent || index === undefined) return;
      const { doc, fenceLine, place, at } = readYamlFence(node);
      const remove = () => {
        parent.children.splice(index, 1);
        return index;
      };
      if (doc.errors.length > 0) {
        for (const e of doc.errors)
          collector.error(place(e.pos[0]), "quiz", `Quiz is not valid YAML: ${e.message.split("\n")[0]}`);
        return remove();
      }
      const parsed = QuizDefinitionSchema.safeParse(doc.toJS());
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const where = issue.path.length ? `"${issue.path.join(".")}" ` : "";
          collector.error(
            at(issue.path),
            "quiz",
            `Quiz ${where}${issue.message}`,
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
