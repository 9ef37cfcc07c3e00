import { expect, test } from "@playwright/test";

// Browsers ask for /favicon.ico whatever the page links; phones ask for an apple-touch-icon.

/** The sizes an ICO file declares (width 0 means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0), "ICO reserved field").toBe(0);
  expect(bytes.readUInt16LE(2), "ICO type (1 = icon)").toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => bytes.readUInt8(6 + i * 16) || 256);
}

test("/favicon.ico is a real icon with 16 and 32 px images, and every linked icon loads", async ({
  page,
  request,
}) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect(icoSizes(await ico.body())).toEqual(expect.arrayContaining([16, 32]));

  await page.goto("/");
  const links = page.locator('link[rel="icon"], link[rel="apple-touch-icon"]');
  const hrefs = await links.evaluateAll((els) => els.map((el) => (el as HTMLLinkElement).href));
  expect(hrefs.some((h) => new URL(h).pathname === "/favicon.ico")).toBe(true);
  expect(hrefs.some((h) => new URL(h).pathname.endsWith(".svg"))).toBe(true);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect(apple).toBeTruthy();
  for (const href of hrefs) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()["content-type"], href).toMatch(/^image\//);
  }
  const png = await (await request.get(apple as string)).body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16), "apple-touch-icon width").toBe(180);
});

test("lesson images under public/images are served to the page the CSP allows", async ({ page }) => {
  await page.goto("/courses/docker/multi-stage-builds");
  const figure = page.getByRole("img", { name: /only the last stage/i });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toBeVisible();
  // A lazy image is laid out (visible) before its bytes arrive: wait for them to decode.
  await expect
    .poll(() =>
      figure.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth),
    )
    .toBeGreaterThan(0);
  expect(new URL((await figure.getAttribute("src")) ?? "", page.url()).pathname).toMatch(
    /^\/images\/docker\//,
  );
});
