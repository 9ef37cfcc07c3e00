import type { MailList } from "./lists";

/** What each list sends, as a person reads it ("you will not get … any more"). */
export const LIST_DESCRIPTIONS: Record<MailList, string> = {
  discussions: "emails about replies to your comments and new comments in discussions you follow",
  "course-digest": "the daily digest of new and reported comments in your courses",
};
