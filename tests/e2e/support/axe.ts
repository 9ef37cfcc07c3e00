import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

const SCOPE = "data-axe-scope";

/**
 * Runs axe (WCAG 2.1 A and AA) on the page and fails with a readable list of violations. With
 * `scope`, only on those elements (in the page, so colours and landmarks are still read in
 * context): for a state that changes one part of a page whose whole, in the same theme, another
 * test scans. A full scan of Part 7 takes 10 to 30 s on two busy cores.
 */
export async function expectNoAxeViolations(page: Page, context?: string, scope?: Locator) {
  // Every block laid out once, as axe reads them all: a lesson's off-screen blocks skip layout
  // (content-visibility, app/lesson.css), and axe's geometry checks forced it block by block.
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>(".lesson-prose > *, .lesson-prose > * > *"))
      block.style.contentVisibility = "visible";
  });
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (scope) {
    expect(await scope.count(), `the elements to scan${context ? ` on ${context}` : ""}`).toBeGreaterThan(0);
    await scope.evaluateAll((els, name) => {
      for (const el of els) el.setAttribute(name, "");
    }, SCOPE);
    builder = builder.include(`[${SCOPE}]`);
  }
  const results = await builder.analyze();
  if (scope)
    await page.evaluate((name) => {
      for (const el of document.querySelectorAll(`[${name}]`)) el.removeAttribute(name);
    }, SCOPE);
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join("\n    ")}`,
  );
  expect(summary, `axe violations${context ? ` on ${context}` : ""}`).toEqual([]);
}

/** Switches the site theme the way a learner would, until it is the wanted one. */
export async function useTheme(page: Page, theme: "light" | "dark") {
  const toggle = page.getByRole("button", { name: /theme \(switch to/i });
  for (let i = 0; i < 3; i++) {
    const isDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
    const choice = await toggle.getAttribute("data-theme-choice");
    if ((theme === "dark") === isDark && choice !== "system") return;
    await toggle.click();
    await expect(toggle).not.toHaveAttribute("data-theme-choice", choice ?? "");
  }
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark).*$/);
}
