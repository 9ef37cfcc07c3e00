import { expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./support/hydration";
import { expectNoSidewaysScroll } from "./support/layout";
import { codeBlocks } from "./support/lesson-source";

// How code reads in a lesson: compared Dockerfiles fit, code uses the width there is, diffs say
// what changed without relying on colour.

const PART7 = "/courses/docker/multi-stage-builds";

/** Every code block of the page outside a <Compare>, with its longest line and whether it scrolls. */
async function blockWidths(page: Page) {
  return page.locator("figure[data-code-block]").evaluateAll((figures) =>
    figures
      .filter((f) => !f.closest(".compare"))
      .map((f) => {
        const pre = f.querySelector("pre")!;
        const lines = [...f.querySelectorAll<HTMLElement>(".line")].map((l) => l.textContent ?? "");
        return {
          title: f.querySelector(".code-block-title")?.textContent ?? "",
          longest: Math.max(...lines.map((l) => l.length)),
          scrolls: pre.scrollWidth > pre.clientWidth + 1,
        };
      }),
  );
}

test("compared Dockerfiles fit at 1280 px: whole titles, one-line buttons, no clipped code", async ({
  page,
}) => {
  for (const width of [1280, 1600, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(PART7);
    await waitForHydration(page);
    const compare = page.locator(".compare").first();
    await compare.scrollIntoViewIfNeeded();
    const figures = compare.locator("figure[data-code-block]");
    await expect(figures).toHaveCount(2);
    for (const figure of await figures.all()) {
      const label = `${width}px, ${await figure.locator(".code-block-title").textContent()}`;
      const title = figure.locator(".code-block-title");
      const cut = await title.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(cut, `${label}: title cut off`).toBe(false);
      const button = figure.getByRole("button", { name: /^Open in stage explorer/ });
      const box = await button.boundingBox();
      expect(box!.height, `${label}: explorer button wraps`).toBeLessThanOrEqual(32);
      // On a phone long lines may scroll inside the block; wider, nothing is clipped.
      if (width > 390) {
        const clipped = await figure.locator("pre").evaluate((pre) => pre.scrollWidth > pre.clientWidth + 1);
        expect(clipped, `${label}: code scrolls sideways`).toBe(false);
      }
    }
    await expectNoSidewaysScroll(page, `Part 7 at ${width}px`);
  }
});

test("at 1280 px code blocks use the width there is: lines up to 80 characters do not scroll", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PART7);
  const blocks = await blockWidths(page);
  const short = blocks.filter((b) => b.longest <= 80);
  // Not vacuous: some of them are longer than the prose column is wide (about 70 characters).
  expect(short.some((b) => b.longest > 72)).toBe(true);
  expect(short.filter((b) => b.scrolls).map((b) => `${b.title} (${b.longest})`)).toEqual([]);
  // The prose keeps its reading measure: paragraphs are narrower than the code.
  const [prose, code] = await Promise.all([
    page
      .locator(".lesson-prose > p")
      .first()
      .evaluate((p) => p.getBoundingClientRect().width),
    page
      .locator(".lesson-prose > figure[data-code-block]")
      .first()
      .evaluate((f) => f.getBoundingClientRect().width),
  ]);
  expect(code).toBeGreaterThan(prose + 40);
  for (const width of [390, 1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSidewaysScroll(page, `Part 7 at ${width}px`);
  }
});

test("a diff has a +/− gutter and words for screen readers; deleted lines take no number and are not copied", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(PART7);
  await waitForHydration(page);
  const source = codeBlocks("07-multi-stage-builds.mdx");
  const diff = source.find((b) => b.lang === "dockerfile" && /del=/.test(b.meta))!;
  // The lesson's first block with removed lines (exercises add Dockerfile blocks of their own,
  // so counting the source's fences would not find it).
  const block = page
    .locator('figure[data-code-block][data-lang="dockerfile"]')
    .filter({ has: page.locator('.line[data-diff="del"]') })
    .first();
  const lines = block.locator(".line");
  const del = /del=\{([^}]*)\}/.exec(diff.meta)![1]!.split(",").map(Number);
  const ins = /ins=\{([^}]*)\}/.exec(diff.meta)![1]!.split(",").map(Number);
  const seen = await lines.evaluateAll((els) =>
    els.map((el) => ({
      diff: el.getAttribute("data-diff"),
      number: getComputedStyle(el, "::before").content,
      // What is seen: the sign in the gutter, not the screen reader's words.
      visible: [...el.querySelectorAll<HTMLElement>("[aria-hidden='true']")]
        .map((s) => s.textContent)
        .join(""),
      spoken: [...el.querySelectorAll<HTMLElement>(".sr-only")].map((s) => s.textContent).join(""),
    })),
  );
  for (const n of del) {
    expect(seen[n - 1]!.diff).toBe("del");
    expect(seen[n - 1]!.visible).toContain("−");
    expect(seen[n - 1]!.spoken).toMatch(/removed/i);
    expect(seen[n - 1]!.number, `deleted line ${n} is numbered`).not.toContain("counter");
  }
  for (const n of ins) {
    expect(seen[n - 1]!.visible).toContain("+");
    expect(seen[n - 1]!.spoken).toMatch(/added/i);
    expect(seen[n - 1]!.number).toContain("counter");
  }
  // The button's icon is drawn by CSS: a copy icon, then a check mark while "Copied" shows.
  const copy = block.getByRole("button", { name: /^Copy/ });
  const icon = () => copy.evaluate((el) => getComputedStyle(el, "::before").maskImage);
  const idle = await icon();
  expect(idle).toContain("data:image/svg+xml");
  await copy.click();
  await expect(block.getByRole("status")).toHaveText("Copied");
  await expect(copy).toHaveText("Copied");
  expect(await icon()).not.toBe(idle);
  expect(await icon()).toContain("data:image/svg+xml");
  const kept = diff.code.split("\n").filter((_, i) => !del.includes(i + 1));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(kept.join("\n"));
});
