// The PostgreSQL pass of `npm test` runs the end-to-end tests tagged @db (scripts/test.ts greps
// for the tag). A spec's tests share one server and database, so a spec is tagged as a whole: a
// test added to a tagged spec without the tag would silently skip PostgreSQL, and this fails.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "../e2e");
const specs = fs.readdirSync(dir).filter((f) => f.endsWith(".spec.ts"));

/** Each `test(...)` call of a spec: its title as written, and whether its details carry @db. */
function testsOf(file: string): { title: string; tagged: boolean }[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(dir, file), "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: { title: string; tagged: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "test") {
      const [title, details] = node.arguments;
      found.push({
        title: title?.getText(source) ?? "?",
        tagged: Boolean(
          details && ts.isObjectLiteralExpression(details) && /["']@db["']/.test(details.getText(source)),
        ),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("database specs are chosen by the @db tag", () => {
  it.each(specs)("%s: its tests are all tagged @db or none is", (file) => {
    const tests = testsOf(file);
    expect(tests.length).toBeGreaterThan(0);
    const tagged = tests.filter((t) => t.tagged).length;
    expect(
      [0, tests.length],
      tests.map((t) => `${t.tagged ? "@db" : "   "} ${t.title}`).join("\n"),
    ).toContain(tagged);
  });

  it("specs that create accounts or read the learner's data are tagged", () => {
    const untagged = specs.filter((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const touches = /support\/accounts|support\/database|\/api\/learner|\/api\/comments|"\/progress"/.test(
        text,
      );
      return touches && !testsOf(file).every((t) => t.tagged);
    });
    expect(untagged).toEqual([]);
  });
});
