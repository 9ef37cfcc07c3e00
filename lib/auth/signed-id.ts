import { createHmac, timingSafeEqual } from "node:crypto";

/** `<id>.<signature>`: an id the server issued, which a browser cannot forge or alter. */
export function signId(id: string, secret: string): string {
  return `${id}.${createHmac("sha256", secret).update(id).digest("base64url")}`;
}

/** The id inside a signed value, or null when the value is missing, malformed or forged. */
export function verifySignedId(value: string | undefined | null, secret: string): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = value.slice(0, dot);
  if (!/^[a-z0-9]{10,40}$/i.test(id)) return null;
  const expected = Buffer.from(signId(id, secret).slice(dot + 1));
  const given = Buffer.from(value.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
