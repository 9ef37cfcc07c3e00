import { expect, type Page } from "@playwright/test";

export type Body = { url: string; type: string; text: string };

/** Records every text response (pages, RSC payloads, JSON, scripts) the page receives from now on. */
export function recordResponses(page: Page): Body[] {
  const bodies: Body[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (/text|javascript|json|x-component/.test(type))
      bodies.push({ url: res.url(), type, text: await res.text().catch(() => "") });
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
