// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text uses ${VAR} literally.
// Property tests: the analyzer is a trust boundary (a learner pastes anything), so over generated
// Dockerfiles it never throws and its result is always well formed; and the shell-pattern matching
// behind ${VAR#…}, ${VAR%…} and ${VAR/…} agrees with Go's regexp semantics on small inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeDockerfile, type DockerfileAnalysis, MAX_DOCKERFILE_BYTES } from "@/lib/docker/dockerfile";
import { expandWord } from "@/lib/docker/dockerfile/expand";

const name = fc.constantFrom("base", "build", "deps", "Build", "app", "0", "1", "x.y", "a-b");
const image = fc.constantFrom(
  "alpine:3.20",
  "node:20-alpine",
  "scratch",
  "${IMAGE}",
  "${IMAGE:-busybox}",
  "base",
);
const word = fc.stringMatching(/^[a-z$/{}:._*?#%'"` \\-]{0,12}$/);
const expansion = fc
  .tuple(fc.constantFrom(":-", "-", ":+", "+", "#", "##", "%", "%%", "/", "//", ":?", "?"), word, fc.nat(40))
  .map(([op, w, depth]) => `${"${IMAGE:-".repeat(depth)}\${IMAGE${op}${w}}${"}".repeat(depth)}`);

/** One line (or a few) of something Dockerfile-like, valid or not. */
const fragment = fc.oneof(
  fc.tuple(image, fc.option(name)).map(([img, n]) => (n ? `FROM ${img} AS ${n}` : `FROM ${img}`)),
  expansion.map((e) => `FROM ${e}`),
  expansion.map((e) => `ARG IMAGE=${e}`),
  fc.tuple(name, word).map(([n, w]) => `COPY --from=${n} /${w} /out`),
  fc
    .tuple(name, word)
    .map(([n, w]) => `RUN --mount=type=cache,target=/root/.npm --mount=from=${n},target=/m ${w}`),
  word.map((w) => `RUN echo ${w} \\`),
  word.map((w) => `RUN <<EOF\n${w}\nEOF`),
  word.map((w) => `RUN << 'EOF'\nFROM ${w}\n`),
  word.map((w) => `COPY <<-X /etc/${w}\n\t${w}\n\tX`),
  fc.constantFrom(
    "# syntax=docker/dockerfile:1",
    "# escape=`",
    "# escape=x",
    "# check=skip=all",
    "\uFEFF",
    "",
  ),
  fc.constantFrom(
    "WORKDIR C:\\\\",
    "WORKDIR C:\\app``",
    "ENV PATH",
    "ENV A=1 B",
    'CMD ["a", ["b"]]',
    "ONBUILD RUN x",
  ),
  fc.constantFrom("USER node", "USER root", "HEALTHCHECK CMD true", "EXPOSE 80", "LABEL a b", "bogus line"),
  fc.tuple(word, word).map(([a, b]) => `ENV ${a || "K"}=${b}`),
  fc.string({ maxLength: 40, unit: "grapheme" }),
  fc.string({ maxLength: 20, unit: "binary" }),
);

const dockerfile = fc
  .tuple(fc.array(fragment, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"))
  .map(([lines, eol]) => lines.join(eol));

function expectWellFormed(a: DockerfileAnalysis) {
  const count = a.stages.length;
  expect(count).toBeGreaterThan(0);
  a.stages.forEach((stage, i) => {
    expect(stage.index).toBe(i);
    expect(stage.line).toBeGreaterThanOrEqual(1);
    expect(stage.endLine).toBeGreaterThanOrEqual(stage.line);
    if (stage.base.kind === "stage") expect(stage.base.stage).toBeLessThan(i);
    for (const ins of stage.instructions) {
      expect(ins.line).toBeGreaterThanOrEqual(stage.line);
      expect(ins.endLine).toBeGreaterThanOrEqual(ins.line);
      expect(ins.endLine).toBeLessThanOrEqual(a.lineCount + 1);
    }
  });
  for (const edge of a.edges) {
    // BuildKit only lets a stage use stages defined above it: edges point forward, no cycle.
    expect(edge.fromStage).toBeLessThan(edge.toStage);
    expect(edge.toStage).toBeLessThan(count);
  }
  const { built, skipped, shipping } = a.target;
  expect([...built, ...skipped].sort((x, y) => x - y)).toEqual(a.stages.map((s) => s.index));
  expect(built).toContain(shipping);
  for (const p of [...a.problems, ...a.findings]) {
    expect(p.line).toBeGreaterThanOrEqual(0);
    expect(p.line).toBeLessThanOrEqual(a.lineCount + 1);
  }
  for (const f of a.findings) if (f.stage !== null) expect(f.stage).toBeLessThan(count);
}

describe("analyzeDockerfile over generated Dockerfiles", () => {
  it("never throws and returns either a clear error or a well-formed analysis", () => {
    fc.assert(
      fc.property(dockerfile, fc.option(name), (text, target) => {
        const result = analyzeDockerfile(text, target ? { target } : {});
        if (!result.ok) {
          expect(["empty", "too-large", "no-from"]).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
          return;
        }
        expectWellFormed(result.analysis);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary text, and refuses anything over the size limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), (text) => {
        expect(() => analyzeDockerfile(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    const big = analyzeDockerfile(`FROM a\n${"#".repeat(MAX_DOCKERFILE_BYTES)}`);
    expect(big.ok ? "" : big.error.code).toBe("too-large");
  });
});

/** Go's convertShellPatternToRegex for patterns of letters, `*` and `?`. */
function goRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const body = [...pattern]
    .map((ch) => (ch === "*" ? (greedy ? ".*" : ".*?") : ch === "?" ? "." : ch))
    .join("");
  return new RegExp(`${anchored ? "^" : ""}${body}`, "s");
}
const reverse = (s: string) => [...s].reverse().join("");
function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const m = goRegex(pattern, greedy, true).exec(value);
  return m ? value.slice(m[0].length) : value;
}

describe("shell patterns in ${VAR#…}, ${VAR%…} and ${VAR/…/…}", () => {
  const pattern = fc.stringMatching(/^[ab*?]{0,5}$/);
  const value = fc.stringMatching(/^[ab]{0,9}$/);
  const expand = (w: string, v: string) => expandWord(w, (n) => (n === "V" ? v : undefined));

  it("agree with BuildKit's regular expressions on every small pattern and value", () => {
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        expect(expand(`\${V#${p}}`, v).value).toBe(trimPrefix(p, v, false));
        expect(expand(`\${V##${p}}`, v).value).toBe(trimPrefix(p, v, true));
        expect(expand(`\${V%${p}}`, v).value).toBe(reverse(trimPrefix(reverse(p), reverse(v), false)));
        expect(expand(`\${V%%${p}}`, v).value).toBe(reverse(trimPrefix(reverse(p), reverse(v), true)));
        if (p === "") return; // `${V//X}` would read as a replace-all with no pattern end
        const re = goRegex(p, true, false);
        const first = re.exec(v);
        const once = first ? `${v.slice(0, first.index)}X${v.slice(first.index + first[0].length)}` : v;
        expect(expand(`\${V/${p}/X}`, v).value).toBe(once);
        expect(expand(`\${V//${p}/X}`, v).value).toBe(v.replace(new RegExp(re.source, "gs"), "X"));
      }),
      { numRuns: 2000 },
    );
  });

  it("nested defaults of any depth resolve to the innermost word without recursion", () => {
    fc.assert(
      fc.property(fc.nat(5000), (depth) => {
        const w = `${"${A:-".repeat(depth)}alpine${"}".repeat(depth)}`;
        expect(expandWord(w, () => undefined)).toEqual({ value: "alpine", unset: [], error: null });
      }),
      { numRuns: 30 },
    );
  });
});
