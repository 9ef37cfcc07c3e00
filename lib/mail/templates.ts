// The account mails: address verification, address change and password reset. Each returns a
// subject and plain-text and HTML bodies; every outside value goes through lib/mail/text.ts.
import { buttonHtml, layoutHtml, layoutText, type MailContent, paragraphHtml, type Site } from "./layout";
import { headerText } from "./text";

const IGNORE =
  "If you did not ask for this, you can ignore this email: nothing changes until the link is used.";

function linkMail(input: {
  site: Site;
  subject: string;
  greeting: string;
  lines: string[];
  action: string;
  link: string;
  after: string[];
}): MailContent {
  const footer = `${input.site.name} · ${input.site.url}`;
  return {
    subject: headerText(input.subject),
    text: layoutText(
      [input.greeting, ...input.lines, `${input.action}:\n${input.link}`, ...input.after],
      [footer],
    ),
    html: layoutHtml({
      site: input.site,
      title: input.subject,
      preheader: input.lines[0] ?? input.subject,
      body: [
        paragraphHtml(input.greeting),
        ...input.lines.map((l) => paragraphHtml(l)),
        buttonHtml(input.link, input.action),
        paragraphHtml(`Or copy this address into your browser: ${input.link}`, true),
        ...input.after.map((l) => paragraphHtml(l, true)),
      ].join("\n"),
      footer,
    }),
  };
}

const greet = (name: string) => `Hello ${headerText(name, 60)},`;

/** Sent at sign-up (and on request) to confirm that the address belongs to the account. */
export function verifyEmailMail(input: {
  site: Site;
  name: string;
  link: string;
  hours: number;
}): MailContent {
  return linkMail({
    site: input.site,
    subject: `Confirm your email address for ${input.site.name}`,
    greeting: greet(input.name),
    lines: [
      `Confirm that this is your address to take part in the discussions on ${input.site.name} and to get the notifications you choose.`,
    ],
    action: "Confirm my email address",
    link: input.link,
    after: [`The link works for ${input.hours} hours.`, IGNORE],
  });
}

/** Sent to a new address; the account's address changes when the link is followed. */
export function changeEmailMail(input: {
  site: Site;
  name: string;
  link: string;
  hours: number;
  newAddress: string;
}): MailContent {
  return linkMail({
    site: input.site,
    subject: `Confirm your new email address for ${input.site.name}`,
    greeting: greet(input.name),
    lines: [
      `You asked to use ${input.newAddress} for your ${input.site.name} account. Your address changes when you follow this link.`,
    ],
    action: "Use this email address",
    link: input.link,
    after: [`The link works for ${input.hours} hours.`, IGNORE],
  });
}

/** Sent when someone asks to reset the password of an existing account. */
export function passwordResetMail(input: {
  site: Site;
  name: string;
  link: string;
  minutes: number;
}): MailContent {
  return linkMail({
    site: input.site,
    subject: `Reset your ${input.site.name} password`,
    greeting: greet(input.name),
    lines: [
      `Someone (we hope you) asked to reset the password of your ${input.site.name} account. Choose a new one with this link; every browser signed in to your account will be signed out.`,
    ],
    action: "Choose a new password",
    link: input.link,
    after: [`The link works once, for ${input.minutes} minutes.`, IGNORE],
  });
}

/** Sent to the old address once the account has moved to a new one. */
export function emailChangedMail(input: { site: Site; name: string; newAddress: string }): MailContent {
  const subject = `Your ${input.site.name} email address was changed`;
  const lines = [
    greet(input.name),
    `Your ${input.site.name} account now uses ${input.newAddress}. Mail about your account goes there from now on.`,
    `If you did not do this, reset your password from the sign-in page (${input.site.url}/forgot-password) and tell the people who run the site.`,
  ];
  const footer = `${input.site.name} · ${input.site.url}`;
  return {
    subject: headerText(subject),
    text: layoutText(lines, [footer]),
    html: layoutHtml({
      site: input.site,
      title: subject,
      preheader: lines[1] as string,
      body: lines.map((l) => paragraphHtml(l)).join("\n"),
      footer,
    }),
  };
}
