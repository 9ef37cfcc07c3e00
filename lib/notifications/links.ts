import type { Site } from "@/lib/mail/layout";
import type { MailList } from "./lists";
import { unsubscribeToken } from "./unsubscribe-token";

/** A comment's place in the server-rendered discussion page (works without JavaScript). */
export const commentUrl = (site: Site, course: string, lesson: string, id: string) =>
  `${site.url}/courses/${course}/${lesson}/discussion#comment-${id}`;

export const discussionUrl = (site: Site, course: string, lesson: string) =>
  `${site.url}/courses/${course}/${lesson}/discussion`;

/**
 * The links and headers of a list mail: a page to confirm unsubscribing (in the body), and the
 * RFC 8058 one-click address that mail clients POST to (List-Unsubscribe, List-Unsubscribe-Post).
 */
export function unsubscribeLinks(site: Site, userId: string, list: MailList, secret: string) {
  const token = encodeURIComponent(unsubscribeToken(userId, list, secret));
  return {
    unsubscribeUrl: `${site.url}/unsubscribe?token=${token}`,
    settingsUrl: `${site.url}/account#notifications`,
    headers: {
      "List-Unsubscribe": `<${site.url}/api/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
