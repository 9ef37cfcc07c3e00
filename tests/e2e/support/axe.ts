import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe (WCAG 2.1 A and AA) on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, context?: string) {
  // Every block laid out once, as axe reads them all: a lesson's off-screen blocks skip layout
  // (content-visibility, app/lesson.css), and axe's geometry checks forced it block by block.
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>(".lesson-prose > *, .lesson-prose > * > *"))
      block.style.contentVisibility = "visible";
  });
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
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
