import { describe, expect, it } from "vitest";
import { optionId } from "@/lib/content/quiz-public";
import { QuizDefinitionSchema } from "@/lib/content/quiz-schema";
import { csvField, ITEM_ANALYSIS_COLUMNS, itemAnalysisCsv, toCsv } from "@/lib/instructor/csv";
import { lessonFileName } from "@/lib/instructor/filename";
import { analyseQuiz } from "@/lib/instructor/stats";
import { offsetOf } from "@/lib/instructor/text-position";

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvField('Say "hi", then\nleave')).toBe('"Say ""hi"", then\nleave"');
    expect(csvField(42.5)).toBe("42.5");
    expect(csvField(null)).toBe("");
    expect(
      toCsv([
        ["a", 1],
        [null, true],
      ]),
    ).toBe("a,1\r\n,true\r\n");
  });

  it("never hands a spreadsheet a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("--from")).toBe("'--from");
    expect(csvField("@sum")).toBe("'@sum");
  });

  it("has a quiz row, a row per question and per choice, and older versions apart", () => {
    const quiz = QuizDefinitionSchema.parse({
      id: "q",
      questions: [
        { id: "one", type: "single", prompt: "Pick", choices: [{ text: "A", correct: true }, { text: "B" }] },
      ],
    });
    const analysis = analyseQuiz(quiz, [
      {
        id: "x",
        learnerId: "l",
        quizVersion: "old000000000",
        createdAt: new Date(0),
        score: 1,
        maxScore: 1,
        passed: true,
        answers: { one: optionId("q", "one", "A") },
        results: [{ id: "one", correct: true }],
      },
    ]);
    const lines = itemAnalysisCsv([{ course: "docker", lesson: "l1", part: 1, analysis }])
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(ITEM_ANALYSIS_COLUMNS.join(","));
    expect(lines.map((l) => l.split(",")[0])).toEqual([
      "level",
      "quiz",
      "question",
      "choice",
      "choice",
      "older_version",
    ]);
    expect(lines[5]).toContain("old000000000,,,,,1,1,");
  });
});

describe("preview helpers", () => {
  it("names a downloaded lesson like the files in content/: part and slug", () => {
    const source = '---\ntitle: "T"\npart: 7\nslug: multi-stage-builds\n---\n# x';
    expect(lessonFileName(source)).toBe("07-multi-stage-builds.mdx");
    expect(lessonFileName("---\nslug: only-slug\n---\n")).toBe("only-slug.mdx");
    expect(lessonFileName("no frontmatter")).toBe("lesson.mdx");
    expect(lessonFileName("---\nslug: ../../etc/passwd\n---\n")).toBe("lesson.mdx");
  });

  it("turns a diagnostic's line and column into a cursor offset, clamped to the line", () => {
    const text = "ab\ncdef\n\ng";
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 2, 99)).toBe(7);
    expect(offsetOf(text, 4, 1)).toBe(9);
    expect(offsetOf(text, 99, 1)).toBe(text.length);
  });
});
