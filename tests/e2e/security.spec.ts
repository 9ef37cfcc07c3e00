import { expect, test } from "@playwright/test";
import { accountMenuButton, createAccount, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/courses/docker/multi-stage-builds", "/api/health", "/sign-in"]) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("script-src-attr 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("style-src-elem 'self';");
    expect(csp, path).not.toMatch(/script-src[^;]*https?:/);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});

test("the policy blocks inline event handlers and foreign scripts", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  await page.goto("/courses/docker/volumes");
  await waitForHydration(page);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img src="/missing.png" onerror="window.__handlerRan = 1">',
    );
    const s = document.createElement("script");
    s.src = "https://cdn.example.invalid/x.js";
    document.body.append(s);
  });
  await page.waitForTimeout(500);
  expect(
    await page.evaluate(() => (window as unknown as { __handlerRan?: number }).__handlerRan),
  ).toBeUndefined();
  expect(violations.length).toBeGreaterThanOrEqual(1);
});

test("the policy blocks injected <style> elements; the page's own styles and style attributes apply", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  await page.goto("/courses/docker/multi-stage-builds");
  await waitForHydration(page);
  expect(violations).toEqual([]);
  const token = page.locator('figure[data-code-block][data-lang="dockerfile"] .line span').first();
  const colour = await token.evaluate((el) => getComputedStyle(el).color);
  expect(colour).not.toBe(await token.evaluate((el) => getComputedStyle(el.closest("pre")!).color));
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<style>body { outline: 7px solid rgb(255, 0, 0) }</style><p id="styled" style="outline: 3px solid rgb(0, 0, 255)">x</p>',
    );
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => getComputedStyle(document.body).outlineWidth)).not.toBe("7px");
  expect(await page.locator("#styled").evaluate((el) => getComputedStyle(el).outlineWidth)).toBe("3px");
  expect(violations.some((v) => v.includes("style-src-elem"))).toBe(true);
});

test("learner and session cookies are httpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/courses/docker/networking");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("You completed this part")).toBeVisible();
  const learner = (await context.cookies()).find((c) => c.name === "lectern_learner");
  expect(learner).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const account = await createAccount("learner", "Cookie Carl");
  await signIn(page, account.email);
  const session = (await context.cookies()).find((c) => c.name.includes("session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("sessions rotate on sign-in and end on sign-out", { tag: "@db" }, async ({ page, context, request }) => {
  const account = await createAccount("learner", "Rotating Rita");
  const token = async () => (await context.cookies()).find((c) => c.name.includes("session_token"))?.value;
  await signIn(page, account.email);
  const first = await token();
  await accountMenuButton(page).click();
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  // The old session cookie no longer signs anyone in.
  const replay = await request.get("/api/me", { headers: { cookie: `lectern.session_token=${first}` } });
  expect((await replay.json()).user).toBeNull();
  await signIn(page, account.email);
  const second = await token();
  expect(second).toBeTruthy();
  expect(second).not.toBe(first);
});
