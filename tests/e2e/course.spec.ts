import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { clickWhenStill } from "./support/layout";
import { openSearchWithSlash } from "./support/search";

const course = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../content/courses/docker/course.json"), "utf8"),
) as {
  parts: { part: number; slug: string; title: string }[];
};

test("the course page lists all ten parts, each linked", async ({ page }) => {
  await page.goto("/courses/docker");
  for (const part of course.parts) {
    await expect(
      page.locator(`[data-part="${part.part}"]`).getByRole("link", { name: part.title }),
    ).toHaveAttribute("href", `/courses/docker/${part.slug}`);
  }
});

test("walking Next from Part 1 reaches Part 10", async ({ page }) => {
  await page.goto(`/courses/docker/${course.parts[0]!.slug}`);
  for (const part of course.parts.slice(1)) {
    // After a client-side navigation the body comes from the part's page a moment later and
    // pushes the pager down: a reader clicks Next once the part is there.
    await expect(page.locator("[data-lesson-body]")).not.toHaveAttribute("aria-busy", "true");
    await clickWhenStill(
      page
        .getByRole("navigation", { name: "Previous and next part" })
        .getByRole("link", { name: `Next: Part ${part.part} →` }),
    );
    await expect(page).toHaveURL(new RegExp(`/courses/docker/${part.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(part.title);
  }
  await expect(
    page.getByRole("navigation", { name: "Previous and next part" }).getByRole("link", { name: /^Next/ }),
  ).toHaveCount(0);
});

for (const part of course.parts) {
  test(`Part ${part.part} renders with its quiz and has no axe violations`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/courses/docker/${part.slug}`);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(part.title);
    const quiz = page.locator("[data-quiz]");
    await expect(quiz).toHaveCount(1);
    expect(await quiz.locator("[data-question]").count()).toBeGreaterThanOrEqual(5);
    await expect(page.locator("figure[data-code-block]").filter({ visible: true }).first()).toBeVisible();
    await expectNoAxeViolations(page, `Part ${part.part}`);
  });
}

test("search finds content in every part", async ({ page, request }) => {
  const index = (await (await request.get("/search-index.json")).json()) as {
    sections: { lesson: string; id: string | null; heading: string }[];
  };
  await page.goto("/");
  await waitForHydration(page);
  for (const part of course.parts) {
    // A heading from the middle of the lesson, searched for by its words.
    const sections = index.sections.filter((s) => s.lesson === part.slug && s.id);
    expect(sections.length, `${part.slug} has sections in the index`).toBeGreaterThan(2);
    const target = sections[Math.floor(sections.length / 2)]!;
    const dialog = await openSearchWithSlash(page);
    await dialog.getByRole("combobox").fill(target.heading);
    await expect(
      dialog
        .getByRole("option")
        .filter({ hasText: `Part ${part.part}:` })
        .first(),
    ).toBeVisible();
    await page.keyboard.press("Escape");
  }
});
