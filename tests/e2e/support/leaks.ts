import { expect, type Page } from "@playwright/test";

export type Body = { url: string; type: string; text: string };

/** The recorded bodies; `settled()` waits until every response seen so far has been read. */
export type Recorded = Body[] & { settled(): Promise<void> };

/**
 * Records every text response (pages, RSC payloads, JSON, scripts) the page receives from now on.
 * A body is read after its response arrives (a streamed page can be on screen first): await
 * `settled()` before checking the bodies.
 */
export function recordResponses(page: Page): Recorded {
  const pending = new Set<Promise<void>>();
  const bodies = [] as unknown as Recorded;
  page.on("response", (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/text|javascript|json|x-component/.test(type)) return;
    const read = res
      .text()
      .catch(() => "")
      .then((text) => {
        bodies.push({ url: res.url(), type, text });
      })
      .finally(() => pending.delete(read));
    pending.add(read);
  });
  bodies.settled = async () => {
    while (pending.size > 0) await Promise.all(pending);
  };
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
