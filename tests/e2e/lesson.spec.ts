import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, useTheme } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { clickWhenStill } from "./support/layout";
import { codeBlocks } from "./support/lesson-source";
import { openSearchWithSlash } from "./support/search";

const PART7 = "/courses/docker/multi-stage-builds";

test("Part 7 renders its Dockerfiles highlighted, numbered and titled", async ({ page }) => {
  await page.goto(PART7);
  await expect(
    page.getByRole("heading", { level: 1, name: "Multi-Stage Builds — Optimize Your Images" }),
  ).toBeVisible();
  const block = page.locator('figure[data-code-block][data-lang="dockerfile"]').first();
  const firstTitled = codeBlocks("07-multi-stage-builds.mdx").find(
    (b) => b.lang === "dockerfile" && /title=/.test(b.meta),
  )!;
  const title = /title="([^"]+)"/.exec(firstTitled.meta)![1]!;
  await expect(
    page.locator("figure[data-code-block] .code-block-title").filter({ hasText: title }).first(),
  ).toBeVisible();
  // Tokens are coloured by Shiki (not one flat colour); plain text takes its line's colour.
  const colours = await block
    .locator(".line, .line span")
    .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
  expect(colours).toBeGreaterThan(2);
  // Line numbers come from CSS counters on every line.
  await expect(block).toHaveAttribute("data-line-numbers", "");
  const number = await block
    .locator(".line")
    .nth(1)
    .evaluate((el) => getComputedStyle(el, "::before").content);
  expect(number).toBe("counter(line)");
});

test("the copy button copies exactly the Dockerfile, and terminal blocks without prompts or output", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(PART7);
  await waitForHydration(page);
  const source = codeBlocks("07-multi-stage-builds.mdx");
  const dockerfile = source.find((b) => b.lang === "dockerfile" && !/del=/.test(b.meta))!;
  const titles = await page
    .locator('figure[data-code-block][data-lang="dockerfile"] .code-block-title')
    .allInnerTexts();
  const index = source.filter((b) => b.lang === "dockerfile").indexOf(dockerfile);
  const block = page.locator('figure[data-code-block][data-lang="dockerfile"]').nth(index);
  expect(titles.length).toBeGreaterThan(3);
  await block.getByRole("button", { name: /^Copy/ }).click();
  await expect(block.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dockerfile.code);

  const session = source.find(
    (b) => b.lang === "console" && /^\$ /m.test(b.code) && /^(?!\$ ).+/m.test(b.code),
  )!;
  const sessionIndex = source.filter((b) => b.lang === "console").indexOf(session);
  const terminal = page.locator('figure[data-code-block][data-lang="console"]').nth(sessionIndex);
  await terminal.getByRole("button", { name: /^Copy/ }).press("Enter");
  const expected: string[] = [];
  let continuing = false;
  for (const line of session.code.split("\n")) {
    if (line.startsWith("$ ")) {
      expected.push(line.slice(2));
      continuing = line.endsWith("\\");
    } else if (continuing) {
      expected.push(line);
      continuing = line.endsWith("\\");
    }
  }
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.join("\n"));
});

test("table of contents links move to their heading and mark it current", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(PART7);
  await waitForHydration(page);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const link = toc.getByRole("link", { name: "Choosing a base image" });
  await link.click();
  await expect(page).toHaveURL(/#choosing-a-base-image$/);
  await expect(page.getByRole("heading", { level: 2, name: /Choosing a base image/ })).toBeInViewport();
  await expect(link).toHaveAttribute("aria-current", "location");
});

test("previous/next and the sidebar navigate between parts", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PART7);
  const pager = page.getByRole("navigation", { name: "Previous and next part" });
  await clickWhenStill(pager.getByRole("link", { name: /Next: Part 8/ }));
  await expect(page).toHaveURL(/\/courses\/docker\/compose$/);
  // The part's text comes a moment after the navigation and moves the pager down: a reader
  // clicks once it is there.
  await expect(page.locator("[data-lesson-body]")).not.toHaveAttribute("aria-busy", "true");
  await clickWhenStill(
    page
      .getByRole("navigation", { name: "Previous and next part" })
      .getByRole("link", { name: /Previous: Part 7/ }),
  );
  await expect(page).toHaveURL(new RegExp(`${PART7}$`));
  const sidebar = page.getByRole("navigation", { name: /parts$/ }).last();
  await expect(sidebar.getByRole("link", { name: /Multi-Stage Builds/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await sidebar.getByRole("link", { name: /Volumes and Persistent Data/ }).click();
  await expect(page).toHaveURL(/\/courses\/docker\/volumes$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Volumes and Persistent Data");
});

test('search for "COPY --from" finds Part 7 and lands on the right section', async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  const dialog = await openSearchWithSlash(page);
  await dialog.getByRole("combobox", { name: "Search all lessons" }).fill("COPY --from");
  const first = dialog.getByRole("option").first();
  await expect(first).toContainText("Part 7");
  const heading = ((await first.locator("span.font-medium").textContent()) ?? "").trim();
  await page.keyboard.press("Enter");
  // The query rides along (?highlight=…) so the page can mark the words it matched.
  await expect(page).toHaveURL(/\/courses\/docker\/multi-stage-builds\?highlight=[^#]+#/);
  const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expect(page.locator(`[id="${hash}"]`)).toContainText(heading);
  await expect(page.locator(`[id="${hash}"]`)).toBeInViewport();
});

test("the dark theme changes code block colours", async ({ page }) => {
  await page.goto(PART7);
  await waitForHydration(page);
  const token = page.locator('figure[data-code-block][data-lang="dockerfile"] .line span').first();
  await useTheme(page, "light");
  const light = await token.evaluate((el) => getComputedStyle(el).color);
  const lightBg = await page
    .locator('figure[data-code-block][data-lang="dockerfile"]')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  await useTheme(page, "dark");
  const dark = await token.evaluate((el) => getComputedStyle(el).color);
  const darkBg = await page
    .locator('figure[data-code-block][data-lang="dockerfile"]')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(dark).not.toBe(light);
  expect(darkBg).not.toBe(lightBg);
});

test("no page scrolls sideways on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/about", "/courses/docker", PART7, "/courses/docker/compose"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

for (const [name, path] of [
  ["catalog", "/"],
  ["course", "/courses/docker"],
  ["lesson", PART7],
] as const) {
  test(`the ${name} page has no axe violations in light and dark`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(path);
    await waitForHydration(page);
    await useTheme(page, "light");
    await expectNoAxeViolations(page, `${name} (light)`);
    await useTheme(page, "dark");
    await expectNoAxeViolations(page, `${name} (dark)`);
  });
}
