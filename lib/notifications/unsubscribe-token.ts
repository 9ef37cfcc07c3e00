import { createHmac, timingSafeEqual } from "node:crypto";
import { MAIL_LISTS, type MailList } from "./lists";

// One-click unsubscribe links (RFC 8058): the token names the person and the list, signed with
// the site secret, so it needs no table and cannot be made up for someone else.

const sign = (payload: string, secret: string) =>
  createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url").slice(0, 32);

/** A token for `userId` leaving `list`. */
export function unsubscribeToken(userId: string, list: MailList, secret: string): string {
  const payload = `${userId}.${list}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The person and list in a token, or null when it is malformed or not ours. */
export function readUnsubscribeToken(
  token: string | null | undefined,
  secret: string,
): { userId: string; list: MailList } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([a-z-]{1,20})\.([A-Za-z0-9_-]{32})$/.exec(token ?? "");
  if (!match) return null;
  const [, userId, list, signature] = match as unknown as [string, string, string, string];
  if (!(MAIL_LISTS as readonly string[]).includes(list)) return null;
  const expected = Buffer.from(sign(`${userId}.${list}`, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { userId, list: list as MailList }
    : null;
}
