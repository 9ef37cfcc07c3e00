/** Schemes a lesson's links and images may use; anything without a scheme is a path on this site. */
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * The scheme a browser would follow for this link or image address when it is not one lessons
 * may use (`javascript:`, `data:`, `vbscript:`, `file:` …), else null. Resolved with the URL
 * API, as browsers do: `JaVaScRiPt:`, a tab inside the scheme or leading spaces change nothing.
 */
export function unsafeUrlScheme(url: string): string | null {
  let resolved: URL;
  try {
    // A base with a scheme of its own tells a relative address (which takes it) from an absolute one.
    resolved = new URL(url, "lectern-relative:/");
  } catch {
    return "(an address the browser cannot read)";
  }
  if (resolved.protocol === "lectern-relative:" || SAFE_SCHEMES.has(resolved.protocol)) return null;
  return resolved.protocol;
}
