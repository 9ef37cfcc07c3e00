/** The mailing lists a one-click unsubscribe link can end. */
export const MAIL_LISTS = ["discussions", "course-digest"] as const;
export type MailList = (typeof MAIL_LISTS)[number];
