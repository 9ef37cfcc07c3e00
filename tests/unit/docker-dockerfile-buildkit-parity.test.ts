// Parity with BuildKit's own parser test cases: every positive case gives BuildKit's instruction
// list (keyword, flags, arguments, as its parse-tree dump prints them) and every negative case is
// refused with an error.
import { describe, expect, it } from "vitest";
import { analyzeDockerfile, dumpInstruction, parseDockerfile } from "@/lib/docker/dockerfile";
import { NEGATIVE_CASES, POSITIVE_CASES } from "../support/buildkit-parity-cases";

describe("BuildKit parser test cases", () => {
  it.each(POSITIVE_CASES.map((c) => [c.name, c] as const))(
    "%s parses to BuildKit's instruction list",
    (_, c) => {
      const parsed = parseDockerfile(c.dockerfile);
      expect(parsed.instructions.map((i) => dumpInstruction(i, parsed.directives.escape))).toEqual(
        c.expected,
      );
      expect(
        parsed.problems.filter((p) => p.severity === "error" && !/Unknown instruction/.test(p.message)),
      ).toEqual([]);
    },
  );

  it.each(NEGATIVE_CASES.map((c) => [c.name, c] as const))("%s is refused", (_, c) => {
    const parsed = parseDockerfile(c.dockerfile);
    expect(parsed.problems.some((p) => p.severity === "error")).toBe(true);
    const result = analyzeDockerfile(
      `${c.dockerfile.startsWith("FROM") ? "" : "FROM alpine\n"}${c.dockerfile}`,
    );
    expect(result.ok && result.analysis.problems.some((p) => p.severity === "error")).toBe(true);
  });

  it("counts every case (30 positive, 2 negative)", () => {
    expect([POSITIVE_CASES.length, NEGATIVE_CASES.length]).toEqual([30, 2]);
  });

  // Two moby-era cases encode the 2016 directive reader that BuildKit replaced: it took one
  // character after `escape=` and did not see a directive behind leading spaces. BuildKit reads
  // the whole value (so "``" is refused) and trims the line first (so "  #escape" counts).
  it('refuses "# escape = ``" and reads an indented escape directive, as BuildKit does today', () => {
    const doubled = parseDockerfile("# escape = ``\nFROM image\nENV GOPATH `\n\\go");
    expect(doubled.problems[0]).toMatchObject({ severity: "error", line: 1 });
    const indented = parseDockerfile("  #escape = `\n\nFROM image\nENV foo `\nENV bar baz");
    expect(indented.directives.escape).toBe("`");
    expect(indented.instructions.map((i) => dumpInstruction(i, indented.directives.escape))).toEqual([
      '(from "image")',
      '(env "foo" "ENV bar baz")',
    ]);
  });
});
