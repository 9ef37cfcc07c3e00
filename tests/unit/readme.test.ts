// The README and the authoring guide name functions, components and schemas of the code; a
// rename must not leave them pointing at nothing. Names from other projects' APIs are listed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const docs = [
  "README.md",
  "content/AUTHORING.md",
  ...fs.readdirSync(path.join(root, "docs/decisions")).map((f) => `docs/decisions/${f}`),
];

/** Names the documents mention that are not our code: other projects' APIs, keys, fence words. */
const FOREIGN = new Set([
  "FormData",
  "allowScripts",
  "showLineNumbers",
  "noLineNumbers",
  "executablePath",
  "executeScript",
  "executeRaw",
  "connectToShadowDb",
  "startTransaction",
  "allowExitOnIdle",
  "generateEtags",
  "parseWithZod",
  "useActionState",
  "startTransition",
  "getBoundingClientRect",
  "engineType",
  "getByRole",
  "QueryClient",
  "useQuery",
  "createElement",
  "onClick",
  // better-auth's options and internals (docs/decisions/019).
  "consumeVerificationValue",
  "resetPasswordTokenExpiresIn",
  "revokeSessionsOnPasswordReset",
  "sendOnSignUp",
  "sendVerificationEmail",
  "updateEmailWithoutVerification",
  "internalAdapter",
]);

/** Models and fields of the Prisma schema, which the documents may name as well. */
const prismaNames = new Set(
  [
    ...fs
      .readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")
      .matchAll(/^\s*(?:model\s+)?(\w+)\s/gm),
  ].map((m) => m[1]),
);

/** Code-like names in backticks: camelCase (`defineWrite`, `compileLesson()`) or PascalCase words (`SlugSchema`). */
function namesIn(text: string): string[] {
  const names = new Set<string>();
  for (const [, name] of text.matchAll(/`([A-Za-z][A-Za-z0-9]*)(?:\(\))?`/g)) {
    if (/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(name!) || /^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$/.test(name!))
      names.add(name!);
  }
  return [...names];
}

const sources = execFileSync("git", ["ls-files", "app", "components", "lib", "scripts"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f))
  .map((f) => fs.readFileSync(path.join(root, f), "utf8"))
  .join("\n");

describe("documents name code that exists", () => {
  it.each(docs)("%s", (doc) => {
    const missing = namesIn(fs.readFileSync(path.join(root, doc), "utf8")).filter(
      (name) =>
        !FOREIGN.has(name) &&
        !prismaNames.has(name) &&
        !new RegExp(`(?:function|const|class|type|interface) ${name}\\b`).test(sources),
    );
    expect(missing).toEqual([]);
  });

  it("finds the names it checks", () => {
    expect(namesIn("one `defineWrite` and `compileLesson()`, not `npm` or `DATABASE_URL`")).toEqual([
      "defineWrite",
      "compileLesson",
    ]);
  });
});
