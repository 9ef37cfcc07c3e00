/** Said to the tab that lost when two tabs answered the same card. */
export const ANSWERED_ELSEWHERE =
  "You already answered this card in another tab or window, and that answer counts; this one was not recorded.";

/** What /review says after an answer that was not recorded, by the code its URL carries. */
export const REVIEW_ERRORS = {
  answer:
    "That answer could not be graded: answer the question first (pick a choice, type your answer, or use each item once). Nothing was recorded.",
  elsewhere: ANSWERED_ELSEWHERE,
  changed: "This question was updated since the card was shown. Nothing was recorded: answer it again.",
  gone: "That card is no longer in your review (it may have been reset, or its question removed).",
  busy: "Too many answers in a short time: wait a minute, then answer again. Nothing was recorded.",
  failed: "Something went wrong on our side, and the answer was not recorded. Please try again.",
} as const;

export type ReviewErrorCode = keyof typeof REVIEW_ERRORS;

/** The message for an error code from the URL, or null for anything else. */
export function reviewError(code: string | undefined): string | null {
  return code && Object.hasOwn(REVIEW_ERRORS, code) ? REVIEW_ERRORS[code as ReviewErrorCode] : null;
}
