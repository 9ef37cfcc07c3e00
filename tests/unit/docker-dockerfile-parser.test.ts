import { describe, expect, it } from "vitest";
import { analyzeDockerfile, type DockerfileAnalysis, parseDockerfile } from "@/lib/docker/dockerfile";

const df = (...lines: string[]) => `${lines.join("\n")}\n`;

function analysis(text: string, target?: string | number): DockerfileAnalysis {
  const result = analyzeDockerfile(text, { target });
  if (!result.ok) throw new Error(result.error.message);
  return result.analysis;
}

describe("parser directives", () => {
  it("reads # syntax and # escape at the very top", () => {
    const parsed = parseDockerfile(df("# syntax=docker/dockerfile:1", "# escape=`", "FROM alpine"));
    expect(parsed.directives).toMatchObject({ syntax: "docker/dockerfile:1", escape: "`", lines: [1, 2] });
  });

  it("ignores a directive after a comment line: it is just a comment", () => {
    const parsed = parseDockerfile(df("# hello", "# escape=`", "FROM alpine", "RUN echo a \\", "  b"));
    expect(parsed.directives.escape).toBe("\\");
    expect(parsed.instructions.map((i) => i.args)).toEqual(["alpine", "echo a   b"]);
  });

  it("ignores a directive after a blank line", () => {
    expect(
      parseDockerfile(df("", "# syntax=docker/dockerfile:1", "FROM alpine")).directives.syntax,
    ).toBeNull();
  });

  it("ignores a directive after the first instruction", () => {
    expect(parseDockerfile(df("FROM alpine", "# escape=`")).directives.escape).toBe("\\");
  });

  it("reports a repeated directive and an invalid escape character as errors", () => {
    const parsed = parseDockerfile(df("# escape=`", "# escape=\\", "FROM alpine"));
    expect(parsed.problems).toEqual([expect.objectContaining({ severity: "error", line: 2 })]);
    expect(parseDockerfile(df("# escape=x", "FROM alpine")).problems[0]?.message).toMatch(/escape/);
  });
});

describe("the Windows-style backtick escape", () => {
  const windows = df(
    "# escape=`",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build",
    "RUN powershell -Command `",
    "    # a comment inside the continued line",
    "    Write-Host building",
    "COPY C:\\src\\ C:\\app\\",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022",
    "COPY --from=build C:\\app\\ C:\\app\\",
  );

  it("continues lines with a backtick and keeps backslashes as path separators", () => {
    const parsed = parseDockerfile(windows);
    expect(parsed.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ["FROM", 2, 2],
      ["RUN", 3, 5],
      ["COPY", 6, 6],
      ["FROM", 7, 7],
      ["COPY", 8, 8],
    ]);
    expect(parsed.instructions[1]?.args).toBe("powershell -Command     Write-Host building");
    expect(parsed.instructions[2]?.args).toBe("C:\\src\\ C:\\app\\");
  });

  it("still builds the stage graph", () => {
    const a = analysis(windows);
    expect(a.stages).toHaveLength(2);
    expect(a.edges).toEqual([expect.objectContaining({ kind: "copy", fromStage: 0, toStage: 1 })]);
    expect(a.shipped[0]).toMatchObject({ sources: ["C:\\app\\"], destination: "C:\\app\\" });
  });
});

describe("continuation lines", () => {
  it("drops comment lines and blank lines inside a continued instruction, warning about the blank one", () => {
    const parsed = parseDockerfile(
      df(
        "FROM debian:12-slim",
        "RUN apt-get update \\",
        "    # install curl, nothing else",
        "    && apt-get install -y curl \\",
        "",
        "    && rm -rf /var/lib/apt/lists/*",
        "USER nobody",
      ),
    );
    const run = parsed.instructions[1];
    expect(run).toMatchObject({ keyword: "RUN", line: 2, endLine: 6 });
    expect(run?.args).not.toContain("#");
    expect(run?.args.replace(/\s+/g, " ")).toBe(
      "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
    );
    expect(parsed.instructions[2]).toMatchObject({ keyword: "USER", line: 7 });
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 2,
        message: expect.stringMatching(/Empty continuation/),
      }),
    ]);
  });

  it("accepts spaces after the trailing backslash", () => {
    const parsed = parseDockerfile("FROM alpine\nRUN echo a \\   \n  b\n");
    expect(parsed.instructions[1]?.args).toBe("echo a   b");
  });

  it("handles CRLF line endings and a byte-order mark", () => {
    const parsed = parseDockerfile(
      "\uFEFF# syntax=docker/dockerfile:1\r\nFROM alpine\r\nRUN echo a \\\r\n  b\r\n",
    );
    expect(parsed.directives.syntax).toBe("docker/dockerfile:1");
    expect(parsed.instructions.map((i) => i.args)).toEqual(["alpine", "echo a   b"]);
  });
});

describe("heredocs", () => {
  it("a heredoc body that contains FROM does not start a stage", () => {
    const a = analysis(
      df(
        "FROM alpine:3.20",
        "RUN <<EOF",
        "FROM ubuntu:24.04 AS fake",
        "COPY --from=nowhere / /",
        "EOF",
        "USER 65534",
      ),
    );
    expect(a.stages).toHaveLength(1);
    expect(a.edges).toEqual([]);
    expect(a.externalImages).toEqual([]);
    expect(a.stages[0]?.instructions.map((i) => i.keyword)).toEqual(["RUN", "USER"]);
    expect(a.stages[0]?.instructions[0]?.heredocs[0]?.body).toBe(
      "FROM ubuntu:24.04 AS fake\nCOPY --from=nowhere / /\n",
    );
  });

  it("reads COPY <<EOF /path with the body as file content", () => {
    const parsed = parseDockerfile(
      df("FROM nginx:1.27-alpine", "COPY <<EOF /etc/nginx/conf.d/app.conf", "server { listen 80; }", "EOF"),
    );
    const copy = parsed.instructions[1];
    expect(copy).toMatchObject({
      keyword: "COPY",
      args: "<<EOF /etc/nginx/conf.d/app.conf",
      line: 2,
      endLine: 4,
    });
    expect(copy?.heredocs).toEqual([
      expect.objectContaining({ name: "EOF", body: "server { listen 80; }\n", line: 3, endLine: 4 }),
    ]);
  });

  it("reads several heredocs on one line in order", () => {
    const parsed = parseDockerfile(
      df(
        "FROM alpine",
        "RUN <<ONE cat > /a && <<TWO cat > /b",
        "first",
        "ONE",
        "second",
        "TWO",
        "RUN echo after",
      ),
    );
    expect(parsed.instructions[1]?.heredocs.map((h) => [h.name, h.body])).toEqual([
      ["ONE", "first\n"],
      ["TWO", "second\n"],
    ]);
    expect(parsed.instructions[2]).toMatchObject({ args: "echo after", line: 7 });
  });

  it("<<- strips leading tabs from the body and the closing delimiter", () => {
    const parsed = parseDockerfile(
      "FROM alpine\nRUN <<-EOT sh\n\techo one\n\t\techo two\n\tEOT\nUSER 1000\n",
    );
    expect(parsed.instructions[1]?.heredocs[0]).toMatchObject({
      chomp: true,
      body: "echo one\necho two\n",
      endLine: 5,
    });
    expect(parsed.instructions[2]).toMatchObject({ keyword: "USER", line: 6 });
  });

  it("a plain << delimiter must match the whole line, so an indented one does not end the body", () => {
    const parsed = parseDockerfile("FROM alpine\nRUN <<EOF\n  EOF\nEOF\n");
    expect(parsed.instructions[1]?.heredocs[0]?.body).toBe("  EOF\n");
  });

  it("a quoted delimiter turns variable expansion off", () => {
    const parsed = parseDockerfile(
      df(
        "FROM alpine",
        "RUN <<'EOF' sh",
        "echo $HOME",
        "EOF",
        'RUN <<"X" sh',
        "echo",
        "X",
        "RUN <<Y sh",
        "echo",
        "Y",
      ),
    );
    expect(parsed.instructions.slice(1).map((i) => [i.heredocs[0]?.name, i.heredocs[0]?.expand])).toEqual([
      ["EOF", false],
      ["X", false],
      ["Y", true],
    ]);
  });

  it("exec-form RUN and quoted << are not heredocs", () => {
    const parsed = parseDockerfile(
      df("FROM alpine", 'RUN ["sh", "-c", "cat <<EOF"]', 'RUN echo "<<EOF"', "USER 1"),
    );
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(["FROM", "RUN", "RUN", "USER"]);
    expect(parsed.instructions.every((i) => i.heredocs.length === 0)).toBe(true);
  });

  it("reports an unterminated heredoc as an error", () => {
    const parsed = parseDockerfile(df("FROM alpine", "RUN <<EOF", "echo never closed"));
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        line: 2,
        message: expect.stringMatching(/Unterminated heredoc/),
      }),
    ]);
  });
});

describe("instructions and flags", () => {
  it("reads keywords in any case", () => {
    const parsed = parseDockerfile(df("from alpine:3.20 as Base", "run echo hi", "Copy --from=base /a /b"));
    expect(parsed.instructions.map((i) => [i.keyword, i.written])).toEqual([
      ["FROM", "from"],
      ["RUN", "run"],
      ["COPY", "Copy"],
    ]);
  });

  it("separates --flags from arguments, including repeated --mount flags and quoted values", () => {
    const parsed = parseDockerfile(
      df(
        "FROM alpine",
        "RUN --mount=type=cache,target=/root/.npm --mount=type=bind,from=deps,source=/app,target=/deps npm ci",
        'COPY --link --chown="app:app" --chmod=755 src/ /app/',
      ),
    );
    expect(parsed.instructions[1]?.flags).toEqual([
      { name: "mount", value: "type=cache,target=/root/.npm", raw: "--mount=type=cache,target=/root/.npm" },
      {
        name: "mount",
        value: "type=bind,from=deps,source=/app,target=/deps",
        raw: "--mount=type=bind,from=deps,source=/app,target=/deps",
      },
    ]);
    expect(parsed.instructions[1]?.args).toBe("npm ci");
    expect(parsed.instructions[2]?.flags).toEqual([
      { name: "link", value: null, raw: "--link" },
      { name: "chown", value: "app:app", raw: "--chown=app:app" },
      { name: "chmod", value: "755", raw: "--chmod=755" },
    ]);
    expect(parsed.instructions[2]?.args).toBe("src/ /app/");
  });

  it("reports an unknown instruction with its line and keeps parsing", () => {
    const a = analysis(df("FROM alpine", "RUNN echo typo", "USER 1000"));
    expect(a.problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/Unknown instruction "RUNN"/) }),
    ]);
    expect(a.stages[0]?.instructions.map((i) => i.keyword)).toEqual(["RUNN", "USER"]);
  });
});
