import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NextPathSchema, SignInSchema } from "@/lib/auth/schemas";

// Issue 15: where a browser goes after signing in (`/sign-in?next=…`) must stay on this site
// after the browser's own URL normalisation, and no value may make the server answer 500.
// The inputs are the decoded values Next hands the page (`%09` arrives as a tab).

const SITE = "https://lectern.example";
/** Control characters or a backslash: never in a path the server sends. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const next = (value: unknown) => NextPathSchema.parse(value);

/** Where a browser on SITE lands when the server answers `Location: <path>`. */
const landing = (location: string) => new URL(location, `${SITE}/sign-in`);

// Known open-redirect forms (OWASP, PortSwigger and past CVEs of redirect allow-lists).
const BYPASSES: string[] = [
  "//example.com",
  "///example.com",
  "////example.com/phish",
  "/\\example.com",
  "\\/example.com",
  "/\\/example.com",
  "\\\\example.com",
  "/\t/example.com/phish", // issue 15's repro: Chromium drops the tab and goes to example.com
  "/\n/example.com",
  "/\r/example.com",
  "/\r\n/example.com",
  "\t//example.com",
  " //example.com",
  "/\u0000/example.com",
  "/\u001f/example.com",
  "/\u007f/example.com",
  "https://example.com",
  "http://example.com/",
  "HTTPS://example.com",
  "https:example.com",
  "https:/example.com",
  "//example.com@lectern.example",
  "//lectern.example@example.com",
  "//example.com/%2F..",
  "//%65xample.com",
  "/.//example.com",
  "/..//example.com",
  "/%2e%2e//example.com",
  "/./\\example.com",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "\u3002example.com",
  "／／example.com",
  "/\r\nSet-Cookie: pwned=1",
  "//example.com\\@lectern.example",
  "/\t\t//example.com",
];

describe("a next path stays on this site", () => {
  for (const bypass of BYPASSES) {
    it(`never leaves the site for ${JSON.stringify(bypass)}`, () => {
      const path = next(bypass);
      expect(landing(path).origin).toBe(SITE);
      expect(path).toMatch(/^\/(?![/\\])/);
      expect(path).not.toMatch(UNSAFE);
    });
  }

  it("keeps a real path, its query and its fragment", () => {
    expect(next("/courses/docker/multi-stage-builds")).toBe("/courses/docker/multi-stage-builds");
    expect(next("/progress?course=docker#summary")).toBe("/progress?course=docker#summary");
    expect(next("/courses/docker/volumes/discussion")).toBe("/courses/docker/volumes/discussion");
  });

  it("is optional in the sign-in form and API (no next: home)", () => {
    expect(SignInSchema.parse({ email: "a@example.org", password: "x" }).next).toBe("/");
  });

  it("falls back to / for nothing, an array (?next=a&next=b) or a very long value", () => {
    expect(next(undefined)).toBe("/");
    expect(next("")).toBe("/");
    expect(next(["/a", "//example.com"])).toBe("/");
    expect(next(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("holds for any string, as a browser resolves it (property)", () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.webUrl(),
      fc
        .tuple(
          fc.constantFrom("/", "//", "/\\", "\\", "/\t/", "/%09/", "/./", "/../", " ", "/\u0000"),
          fc.string(),
          fc.domain(),
        )
        .map(([prefix, middle, domain]) => `${prefix}${middle}${domain}`),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        const path = next(value);
        expect(landing(path).origin).toBe(SITE);
        expect(path.startsWith("/")).toBe(true);
        expect(path).not.toMatch(UNSAFE);
        expect(path).not.toMatch(/^\/[/\\]/);
        // What the browser resolves is exactly what was sent: no normalisation left to surprise.
        const resolved = landing(path);
        expect(resolved.pathname + resolved.search + resolved.hash).toBe(path);
      }),
      { numRuns: 2000 },
    );
  });
});
