import { expect, type Page } from "@playwright/test";

export type Body = { url: string; type: string; text: string };

/**
 * Records every text response (pages, RSC payloads, JSON, scripts) the page receives from now on,
 * before the page gets it: each request goes through the test (route.fetch), which keeps the body
 * and hands the same response on. Reading bodies as they pass (page.on("response")) misses some:
 * Chromium keeps no data for the RSC payload the router streams after a client-side navigation,
 * nor for a document the page has already left.
 */
export async function recordResponses(page: Page): Promise<Body[]> {
  const bodies: Body[] = [];
  await page.route("**/*", async (route) => {
    // Redirects are handed on as they are, for the browser to follow.
    const response = await route.fetch({ maxRedirects: 0 }).catch(() => null);
    if (!response) return route.abort().catch(() => {});
    const type = response.headers()["content-type"] ?? "";
    const body = await response.body();
    if (
      /text|javascript|json|x-component/.test(type) &&
      !(response.status() >= 300 && response.status() < 400)
    )
      bodies.push({ url: route.request().url(), type, text: body.toString("utf8") });
    await route.fulfill({ response, body }).catch(() => {});
  });
  return bodies;
}

/**
 * Fails if any body holds one of `secrets` (its first 40 characters, plain or JSON-escaped) or
 * matches `keyFields` (the fields of an answer key).
 */
export function expectNoSecrets(bodies: Body[], secrets: string[], keyFields?: RegExp) {
  for (const body of bodies) {
    for (const secret of secrets) {
      const needle = secret.slice(0, 40);
      expect(body.text.includes(needle), `${body.url} leaks "${needle}"`).toBe(false);
      expect(
        body.text.includes(JSON.stringify(needle).slice(1, -1)),
        `${body.url} leaks "${needle}" (escaped)`,
      ).toBe(false);
    }
    if (keyFields) expect(keyFields.test(body.text), `${body.url} carries an answer key`).toBe(false);
  }
}
