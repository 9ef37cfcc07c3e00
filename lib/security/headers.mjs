// Response headers for every route (imported by next.config.mjs, so plain ESM JavaScript).

/**
 * The Content Security Policy.
 * - script-src-elem allows 'unsafe-inline' because Next.js bootstraps prerendered pages with
 *   inline <script> tags (self.__next_f.push(...)); a nonce would make every page differ per
 *   request, and lesson pages must be the same bytes for everyone (CDN-cacheable).
 * - script-src-attr 'none' still forbids inline event handlers (onclick=, onerror=, ...), and
 *   no foreign origin may serve scripts.
 * - style-src allows 'unsafe-inline' for Shiki's per-token colour variables and React's style
 *   attributes.
 * - 'unsafe-eval' only in development (React's dev tooling); the production client never
 *   evaluates strings (lesson MDX is evaluated on the server).
 */
export function contentSecurityPolicy(dev = process.env.NODE_ENV !== "production") {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "script-src-elem 'self' 'unsafe-inline'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
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
