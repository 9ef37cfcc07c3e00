import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISCUSSION_NOTICES, noticeFor, noticeText } from "@/lib/comments/notices";
import { CONFIRM_TO_POST } from "@/lib/comments/permissions";

// Issue 15: `/courses/<c>/<l>/discussion?error=<any text>` showed that text in the page's red
// alert. The URL now carries a code the server chose; only its words are ever shown.

describe("the discussion page's notices", () => {
  it("shows the server's words for its own codes, and nothing for any other text (property)", () => {
    expect(noticeText("too-fast")).toBe(DISCUSSION_NOTICES["too-fast"]);
    expect(noticeText("Your account is locked. Call +1 555 0100 now.")).toBeNull();
    expect(noticeText(["too-fast", "x"])).toBeNull();
    expect(noticeText("__proto__")).toBeNull();
    expect(noticeText("toString")).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const shown = noticeText(text);
        if (shown !== null) expect(Object.values(DISCUSSION_NOTICES)).toContain(shown);
        else expect(Object.hasOwn(DISCUSSION_NOTICES, text)).toBe(false);
      }),
    );
  });

  it("picks the code from the failure, never from its text", () => {
    const failed = (status: number, fieldErrors?: Record<string, string>) => ({
      ok: false as const,
      message: "anything at all",
      status,
      fieldErrors,
    });
    expect(noticeFor(failed(401), "x")).toBe("sign-in");
    expect(noticeFor(failed(429), "x")).toBe("too-fast");
    expect(noticeFor(failed(404), "x")).toBe("gone");
    expect(noticeFor(failed(403), "x")).toBe("not-allowed");
    expect(noticeFor({ ...failed(403), message: CONFIRM_TO_POST }, "x")).toBe("confirm");
    expect(noticeFor(failed(400, { body: "…" }), "   ")).toBe("empty");
    expect(noticeFor(failed(400, { body: "…" }), "x".repeat(6000))).toBe("too-long");
    expect(noticeFor(failed(400, { body: "…" }), "a\u0007b")).toBe("control");
    expect(noticeFor(failed(400), "fine")).toBe("failed");
    expect(noticeFor(failed(500), "fine")).toBe("failed");
  });
});
