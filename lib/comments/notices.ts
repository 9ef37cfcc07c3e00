import type { ActionResult } from "@/lib/actions/result";
import { COMMENT_MAX_LENGTH } from "./limits";
import { validateCommentBody } from "./markdown";
import { CONFIRM_TO_POST, POSTING_SUSPENDED } from "./permissions";

/**
 * What the plain-form discussion page (no JavaScript) says after a post that failed. The page is
 * reached by a redirect, so the URL carries only one of these codes; the words are the server's.
 * Any other `?error=` shows nothing: a link cannot put text of its choosing in the alert.
 */
export const DISCUSSION_NOTICES = {
  "sign-in": "Sign in to take part in the discussion.",
  "too-fast": "You are posting faster than the discussion allows. Wait a few minutes, then post again.",
  empty: "Write something before posting your comment.",
  "too-long": `Comments can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en-US")} characters. Shorten yours and post it again.`,
  control: "Comments can't contain control characters. Remove them and try again.",
  gone: "The comment you replied to no longer exists.",
  confirm: CONFIRM_TO_POST,
  suspended: POSTING_SUSPENDED,
  "not-allowed": "You cannot post here.",
  failed: "Your comment could not be posted. Reload the page and try again.",
} as const;

export type DiscussionNotice = keyof typeof DISCUSSION_NOTICES;

/** The notice for a failed post (the body as it was posted, to say what was wrong with it). */
export function noticeFor(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  body: unknown,
): DiscussionNotice {
  if (result.status === 401) return "sign-in";
  if (result.status === 429) return "too-fast";
  if (result.status === 404) return "gone";
  if (result.status === 403)
    return result.message === CONFIRM_TO_POST
      ? "confirm"
      : result.message === POSTING_SUSPENDED
        ? "suspended"
        : "not-allowed";
  if (result.fieldErrors?.body && typeof body === "string") {
    const check = validateCommentBody(body);
    if (!check.ok) return check.problem;
  }
  return "failed";
}

/** The words for a notice code from the URL, or null for anything that is not one. */
export function noticeText(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(DISCUSSION_NOTICES, code)
    ? DISCUSSION_NOTICES[code as DiscussionNotice]
    : null;
}
