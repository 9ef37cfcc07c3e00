// Mail is a trust boundary: names, lesson titles and comment texts come from people and end up
// in headers and HTML. Property tests over generated inputs, checking the built message itself
// (nodemailer composes it, mailparser reads it back as a mail client would).
import fc from "fast-check";
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import type { QueuedMail } from "@/lib/mail/queue";
import { passwordResetMail, verifyEmailMail } from "@/lib/mail/templates";
import { bodyText, escapeHtml, headerText } from "@/lib/mail/text";
import { toNodemailerMessage } from "@/lib/mail/transport";
import { parseFromAddress, SMTP_URL_RULE } from "@/lib/mail-address";
import { type DigestGroup, digestMail } from "@/lib/notifications/templates";

const site = { name: "Lectern", url: "https://lectern.test" };
const links = {
  unsubscribeUrl: "https://lectern.test/unsubscribe?token=t",
  settingsUrl: "https://lectern.test/account#notifications",
};
const listHeaders = {
  "List-Unsubscribe": "<https://lectern.test/api/unsubscribe?token=t>",
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
};

/** Hostile text: markup, header injection attempts, controls, bidi overrides, astral characters. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        "<script>alert(1)</script>",
        "\r\nBcc: victim@example.test",
        "\nSubject: changed",
        '"><img src=x onerror=alert(1)>',
        "&amp;",
        "\u202eevil",
        "\u0000",
        "😀",
        "Ada",
        " ",
        "'",
        "=?utf-8?q?encoded?=",
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join("")),
);

const group = fc.record({
  title: hostile,
  comments: fc.array(
    fc.record({
      author: hostile,
      text: hostile,
      reason: fc.constantFrom("reply" as const, "followed" as const),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const build = (
  groups: { title: string; comments: { author: string; text: string; reason: "reply" | "followed" }[] }[],
) =>
  digestMail({
    site,
    recipient: groups[0]?.comments[0]?.author ?? "x",
    minutes: 60,
    ...links,
    groups: groups.map(
      (g, i): DigestGroup => ({
        title: g.title,
        url: `https://lectern.test/courses/docker/l${i}/discussion`,
        comments: g.comments.map((c, j) => ({ ...c, url: `https://lectern.test/c/${i}-${j}` })),
      }),
    ),
  });

const tags = (html: string) => html.match(/<[a-zA-Z/!][^>]*>/g) ?? [];

async function compose(
  content: { subject: string; text: string; html: string },
  to = "learner@example.test",
) {
  const queued: QueuedMail = {
    id: "cmail0000000000000000000",
    kind: "digest",
    toAddress: to,
    ...content,
    headers: listHeaders,
    sensitive: false,
    attempts: 0,
  };
  const raw = await new MailComposer(toNodemailerMessage(queued, "Lectern <no-reply@lectern.test>", site.url))
    .compile()
    .build();
  return { raw: raw.toString("utf8"), parsed: await simpleParser(raw) };
}

describe("mail text helpers", () => {
  it("a header text never holds a line break or control character, and keeps to its length", () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 2, max: 200 }), (value, max) => {
        const out = headerText(value, max);
        expect(out).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
        expect([...out].length).toBeLessThanOrEqual(max);
        expect(headerText(out, max)).toBe(out);
      }),
    );
  });

  it("escaped HTML has no markup characters and reads back as the original", () => {
    const decode = (s: string) =>
      s.replace(
        /&(lt|gt|quot|#39|amp);/g,
        (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e] as string,
      );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const out = escapeHtml(value);
        expect(out).not.toMatch(/[<>"']/);
        expect(decode(out)).toBe(value);
      }),
    );
  });

  it("validates SMTP_URL and MAIL_FROM as mail servers and clients read them", () => {
    expect(SMTP_URL_RULE.test("smtps://user:p%40ss@smtp.example.org:465")).toBe(true);
    expect(SMTP_URL_RULE.test("smtp://127.0.0.1:2525")).toBe(true);
    expect(SMTP_URL_RULE.test("https://smtp.example.org")).toBe(false);
    expect(SMTP_URL_RULE.test("smtp.example.org:25")).toBe(false);
    expect(parseFromAddress("Lectern <no-reply@lectern.example>")).toEqual({
      name: "Lectern",
      address: "no-reply@lectern.example",
    });
    expect(parseFromAddress("a@b.example, c@d.example")).toBeNull();
    expect(parseFromAddress("Lectern")).toBeNull();
    expect(parseFromAddress("Evil\r\nBcc: x@y.example <a@b.example>")).toBeNull();
  });
});

describe("the digest mail, built and read back", () => {
  it("keeps people's words out of its headers and markup, whatever they wrote", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(group, { minLength: 1, maxLength: 3 }), async (groups) => {
        const content = build(groups);
        // The structure never depends on the words: same tags as with harmless ones.
        const plain = build(
          groups.map((g) => ({
            title: "t",
            comments: g.comments.map((c) => ({ ...c, author: "a", text: "x" })),
          })),
        );
        expect(tags(content.html)).toEqual(tags(plain.html));
        for (const g of groups)
          for (const c of g.comments) {
            const shown = bodyText(c.text) || "(no text)";
            expect(content.html).toContain(escapeHtml(shown));
            expect(content.text).toContain(
              shown
                .split("\n")
                .map((l) => `> ${l}`)
                .join("\n"),
            );
          }

        const { raw, parsed } = await compose(content);
        const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
        const names = [...head.matchAll(/^([A-Za-z-]+):/gm)].map((m) => (m[1] as string).toLowerCase());
        expect(new Set(names)).toEqual(
          new Set([
            "content-type",
            "from",
            "to",
            "subject",
            "message-id",
            "date",
            "mime-version",
            "auto-submitted",
            "list-unsubscribe",
            "list-unsubscribe-post",
          ]),
        );
        expect(parsed.subject).toBe(content.subject);
        expect(parsed.subject).not.toMatch(/[\r\n]/);
        expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
          { name: "", address: "learner@example.test" },
        ]);
        expect(head).toContain("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click");
        expect(head).toContain("\r\nList-Unsubscribe: <https://lectern.test/api/unsubscribe?token=t>");
        expect(parsed.text?.trim()).toBe(content.text.trim());
      }),
      { numRuns: 60 },
    );
  });

  it("account mails put a hostile display name only where it is harmless", async () => {
    const builders = [
      (name: string) =>
        verifyEmailMail({ site, name, link: "https://lectern.test/verify-email?token=a.b.c", hours: 24 }),
      (name: string) =>
        passwordResetMail({ site, name, link: "https://lectern.test/reset-password?token=abc", minutes: 30 }),
    ];
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        for (const mail of builders) {
          const content = mail(name);
          expect(tags(content.html)).toEqual(tags(mail("x").html));
          expect(content.html).toContain(escapeHtml(`Hello ${headerText(name, 60)},`));
          const { raw, parsed } = await compose(content);
          expect(parsed.subject).toBe(content.subject);
          expect(raw.slice(0, raw.indexOf("\r\n\r\n"))).not.toMatch(/^(bcc|cc):/im);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("reads in dark mail clients: declares both colour schemes and a dark palette", () => {
    const { html } = verifyEmailMail({
      site,
      name: "Ada",
      link: "https://lectern.test/verify-email?token=a",
      hours: 24,
    });
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(html).toContain("https://lectern.test/verify-email?token=a");
  });
});
