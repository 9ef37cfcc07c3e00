import { describe, expect, it } from "vitest";
import { classifyLines, copyText, parseCodeMeta, showsLineNumbers } from "@/lib/content/code-meta";

describe("fence meta", () => {
  it("reads a title, highlighted ranges and diff marks", () => {
    const meta = parseCodeMeta('title="Dockerfile.multi" {1,3-5} ins={7} del={6} showLineNumbers');
    expect(meta.title).toBe("Dockerfile.multi");
    expect([...meta.highlight]).toEqual([1, 3, 4, 5]);
    expect([...meta.ins]).toEqual([7]);
    expect([...meta.del]).toEqual([6]);
    expect(meta.lineNumbers).toBe(true);
    expect(meta.unknown).toEqual([]);
  });

  it("reports what it does not understand", () => {
    expect(parseCodeMeta("{3-1} colour=red wrap").unknown).toEqual(["{3-1}", "colour=red", "wrap"]);
  });
});

describe("copying code", () => {
  it("drops `$ ` prompts and output lines from terminal sessions, keeping continuations", () => {
    const code = "$ docker build \\\n    -t demo .\n[+] Building 2.1s\n$ docker images\nREPOSITORY   TAG\n";
    expect(copyText(code, "console", parseCodeMeta(""))).toBe(
      "docker build \\\n    -t demo .\ndocker images",
    );
  });

  it("copies a shell script without prompts whole", () => {
    const code = "set -e\necho hi\n";
    expect(copyText(code, "bash", parseCodeMeta(""))).toBe("set -e\necho hi");
  });

  it("never treats a Dockerfile line as a prompt", () => {
    expect(classifyLines("$ not a prompt\nFROM x", "dockerfile").every((l) => l.kind === "code")).toBe(true);
  });

  it("leaves removed diff lines out", () => {
    expect(copyText("a\nb\nc", "js", parseCodeMeta("del={2}"))).toBe("a\nc");
  });

  it("numbers multi-line files by default, not one-liners or sessions", () => {
    const none = parseCodeMeta("");
    expect(showsLineNumbers(classifyLines("a\nb", "dockerfile"), none)).toBe(true);
    expect(showsLineNumbers(classifyLines("a", "dockerfile"), none)).toBe(false);
    expect(showsLineNumbers(classifyLines("$ ls\nout", "console"), none)).toBe(false);
    expect(showsLineNumbers(classifyLines("a", "dockerfile"), parseCodeMeta("showLineNumbers"))).toBe(true);
  });
});
