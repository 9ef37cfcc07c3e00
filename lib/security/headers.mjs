// Response headers for every route (imported by next.config.mjs, so plain ESM JavaScript).

/**
 * The Content Security Policy.
 * - script-src-elem allows 'unsafe-inline' because Next.js bootstraps prerendered pages with
 *   inline <script> tags (self.__next_f.push(...)); a nonce would make every page differ per
 *   request, and lesson pages must be the same bytes for everyone (CDN-cacheable).
 * - script-src-attr 'none' still forbids inline event handlers (onclick=, onerror=, ...), and
 *   no foreign origin may serve scripts.
 * - style-src-elem 'self': no inline <style> element runs in production (the stylesheets are
 *   Next's files; highlighted code uses classes from app/code-colours.css, not inline styles).
 *   Development keeps 'unsafe-inline' there for Next's dev overlay and hot reload.
 * - style-src-attr 'unsafe-inline': React style props still render as style attributes
 *   (progress and statistics bar widths, the global error page). style-src keeps
 *   'unsafe-inline' only as the fallback for browsers without CSP 3's -elem/-attr split.
 * - 'unsafe-eval' only in development (React's dev tooling); the production client never
 *   evaluates strings, and nothing evaluates lessons anywhere (they compile to a tree of data).
 * - Because inline <script> elements run, lessons must never carry markup of their own: see
 *   lib/content/components.ts for the only elements and attributes a lesson can hold.
 */
export function contentSecurityPolicy(dev = process.env.NODE_ENV !== "production") {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "script-src-elem 'self' 'unsafe-inline'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers sent with every response. */
export function securityHeaders(dev) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
}
