// The PostgreSQL pass of `npm test` runs the end-to-end tests tagged @db (scripts/test.ts greps
// for the tag). Which tests carry it is decided per test by the rule at DATABASE_TAG in
// scripts/test.ts (decision 038): what the test asserts depends on what the database keeps or
// refuses. These checks hold what a machine can: the tag is where Playwright reads it, and a spec
// that starts servers on databases of its own (support/database) keeps tests in the pass.
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

describe("database tests are chosen by the @db tag", () => {
  it.each(specs)("%s: every @db is in a test's details, where Playwright reads it", (file) => {
    const tests = testsOf(file);
    expect(tests.length).toBeGreaterThan(0);
    const written = fs.readFileSync(path.join(dir, file), "utf8").match(/["']@db["']/g)?.length ?? 0;
    expect(tests.filter((t) => t.tagged).length).toBe(written);
  });

  it("specs that start servers on databases of their own keep tests in the PostgreSQL pass", () => {
    const untagged = specs.filter((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      return /support\/database/.test(text) && !testsOf(file).some((t) => t.tagged);
    });
    expect(untagged).toEqual([]);
  });
});
