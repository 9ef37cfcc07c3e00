/** Longer values are not a path anyone was sent to; they fall back to the home page. */
const MAX_LENGTH = 2000;
/** Any origin will do: a path resolved against it either keeps it or leaves it. */
const PROBE = "https://lectern.invalid";

/**
 * A same-site path to send a browser to after signing in, from an untrusted value (the `next`
 * query parameter or form field); "/" for anything else. The value is resolved with the URL API
 * exactly as a browser resolves a `Location` header (which drops tabs and newlines and reads `\`
 * as `/`), so what passes cannot leave the site: control characters and backslashes are
 * refused outright, the resolved origin must be the site's, and the path is returned in its
 * normalised form, which cannot start with `//`. Never throws.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (!value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, PROBE);
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== PROBE || path.startsWith("//")) return "/";
  return path;
}
