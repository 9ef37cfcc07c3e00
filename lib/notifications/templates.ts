// The notification mails: the discussion digest and the instructors' daily course digest.
// Names, titles and comment texts come from people: every one goes through lib/mail/text.ts.
import {
  buttonHtml,
  layoutHtml,
  layoutText,
  type MailContent,
  paragraphHtml,
  quoteHtml,
  type Site,
} from "@/lib/mail/layout";
import { bodyText, escapeHtml, headerText } from "@/lib/mail/text";

export type DigestComment = {
  author: string;
  text: string;
  /** "reply": to the recipient's comment; "followed": in a discussion they follow. */
  reason: "reply" | "followed";
  url: string;
};
export type DigestGroup = { title: string; url: string; comments: DigestComment[] };

type Links = { unsubscribeUrl: string; settingsUrl: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const name = (n: string) => headerText(n, 60) || "Someone";
const excerpt = (t: string) => bodyText(t, 600) || "(no text)";

function headingHtml(title: string, url: string): string {
  return `<h2 class="fg" style="margin: 22px 0 8px; font-size: 16px;"><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></h2>`;
}

function commentHtml(lead: string, text: string, url: string, action: string): string {
  return [
    `<p class="fg" style="margin: 10px 0 0; line-height: 1.5;"><strong>${escapeHtml(lead)}</strong></p>`,
    quoteHtml(text),
    `<p style="margin: -8px 0 14px; font-size: 14px;"><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`,
  ].join("\n");
}

function commentText(lead: string, text: string, url: string, action: string): string {
  const quoted = text
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
  return `${lead}\n${quoted}\n${action}: ${url}`;
}

/** The subject of a digest: who replied when it is one reply, else how many comments. */
export function digestSubject(site: Site, groups: DigestGroup[]): string {
  const all = groups.flatMap((g) => g.comments);
  const only = all.length === 1 ? all[0] : undefined;
  if (only && groups[0])
    return headerText(
      only.reason === "reply"
        ? `${name(only.author)} replied to your comment on "${groups[0].title}"`
        : `${name(only.author)} commented on "${groups[0].title}"`,
    );
  const replies = all.filter((c) => c.reason === "reply").length;
  return headerText(
    replies === all.length
      ? `${plural(all.length, "new reply", "new replies")} to your comments on ${site.name}`
      : `${plural(all.length, "new comment")} in discussions you follow on ${site.name}`,
  );
}

/** A digest of the comments someone should hear about, grouped by lesson. */
export function digestMail(
  input: Links & { site: Site; recipient: string; groups: DigestGroup[]; minutes: number },
): MailContent {
  const subject = digestSubject(input.site, input.groups);
  const lead = (c: DigestComment) =>
    c.reason === "reply" ? `${name(c.author)} replied to your comment:` : `${name(c.author)} commented:`;
  const why = `You get this because you commented in or follow these discussions on ${input.site.name}; at most one email every ${plural(input.minutes, "minute")}.`;
  const textGroups = input.groups.map(
    (g) =>
      `== ${headerText(g.title)} ==\n${g.url}\n\n${g.comments
        .map((c) => commentText(lead(c), excerpt(c.text), c.url, "Reply"))
        .join("\n\n")}`,
  );
  return {
    subject,
    text: layoutText(
      [`Hello ${name(input.recipient)},`, ...textGroups],
      [why, `Unsubscribe: ${input.unsubscribeUrl}`, `Notification settings: ${input.settingsUrl}`],
    ),
    html: layoutHtml({
      site: input.site,
      title: subject,
      preheader: `${plural(input.groups.flatMap((g) => g.comments).length, "new comment")} for you on ${input.site.name}`,
      body: [
        paragraphHtml(`Hello ${name(input.recipient)},`),
        ...input.groups.map((g) =>
          [
            headingHtml(headerText(g.title), g.url),
            ...g.comments.map((c) => commentHtml(lead(c), excerpt(c.text), c.url, "Reply")),
          ].join("\n"),
        ),
      ].join("\n"),
      footer: why,
      footerLinks: [
        { label: "Unsubscribe", href: input.unsubscribeUrl },
        { label: "Notification settings", href: input.settingsUrl },
      ],
    }),
  };
}

export type CourseDigestComment = { author: string; text: string; lesson: string; url: string };
export type CourseDigestReport = CourseDigestComment & { reasons: string[] };
export type CourseDigestSection = {
  title: string;
  newComments: CourseDigestComment[];
  reports: CourseDigestReport[];
};

/** The daily digest for instructors: new comments and open reports in the courses they chose. */
export function courseDigestMail(
  input: Links & { site: Site; recipient: string; courses: CourseDigestSection[]; moderationUrl: string },
): MailContent {
  const comments = input.courses.reduce((n, c) => n + c.newComments.length, 0);
  const reports = input.courses.reduce((n, c) => n + c.reports.length, 0);
  const subject = headerText(
    `Daily digest: ${plural(comments, "new comment")}, ${plural(reports, "open report")} on ${input.site.name}`,
  );
  const why = `You get this daily digest because you chose it for these courses on ${input.site.name}.`;
  const reportLead = (r: CourseDigestReport) =>
    `${name(r.author)} in "${headerText(r.lesson)}", reported: ${r.reasons.map((x) => headerText(x, 200)).join("; ")}`;
  const newLead = (c: CourseDigestComment) => `${name(c.author)} in "${headerText(c.lesson)}":`;
  const textSections = input.courses.map((course) =>
    [
      `== ${headerText(course.title)} ==`,
      course.reports.length ? `Open reports (${course.reports.length}):` : "No open reports.",
      ...course.reports.map((r) => commentText(reportLead(r), excerpt(r.text), r.url, "Open")),
      course.newComments.length ? `New comments (${course.newComments.length}):` : "No new comments.",
      ...course.newComments.map((c) => commentText(newLead(c), excerpt(c.text), c.url, "Open")),
    ].join("\n\n"),
  );
  return {
    subject,
    text: layoutText(
      [`Hello ${name(input.recipient)},`, ...textSections, `Moderation queue: ${input.moderationUrl}`],
      [why, `Unsubscribe: ${input.unsubscribeUrl}`, `Notification settings: ${input.settingsUrl}`],
    ),
    html: layoutHtml({
      site: input.site,
      title: subject,
      preheader: `${plural(comments, "new comment")} and ${plural(reports, "open report")}`,
      body: [
        paragraphHtml(`Hello ${name(input.recipient)},`),
        ...input.courses.map((course) =>
          [
            `<h2 class="fg" style="margin: 22px 0 8px; font-size: 17px;">${escapeHtml(headerText(course.title))}</h2>`,
            paragraphHtml(
              course.reports.length ? `Open reports (${course.reports.length}):` : "No open reports.",
              true,
            ),
            ...course.reports.map((r) => commentHtml(reportLead(r), excerpt(r.text), r.url, "Open")),
            paragraphHtml(
              course.newComments.length ? `New comments (${course.newComments.length}):` : "No new comments.",
              true,
            ),
            ...course.newComments.map((c) => commentHtml(newLead(c), excerpt(c.text), c.url, "Open")),
          ].join("\n"),
        ),
        buttonHtml(input.moderationUrl, "Open the moderation queue"),
      ].join("\n"),
      footer: why,
      footerLinks: [
        { label: "Unsubscribe", href: input.unsubscribeUrl },
        { label: "Notification settings", href: input.settingsUrl },
      ],
    }),
  };
}
