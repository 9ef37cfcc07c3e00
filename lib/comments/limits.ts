/** Comment limits and labels shared by the server and the browser (no parser in here). */
export const COMMENT_MIN_LENGTH = 1;
export const COMMENT_MAX_LENGTH = 5000;

/** Why a learner may report a comment, with the words moderators see. */
export const REPORT_REASONS = {
  spam: "Spam or advertising",
  abuse: "Harassment or abuse",
  "off-topic": "Off-topic",
  other: "Something else",
} as const;
