import { expect, type Locator, test } from "@playwright/test";
import { expectNoSidewaysScroll } from "./support/layout";
import { lessonWithOneExercise } from "./support/lesson-source";

// The lesson's columns line up with the site header's content at every width: the sidebar's
// left edge under the logo, the table of contents' right edge under the account menu.

const LESSON = lessonWithOneExercise().path;

/** The content box (inside the padding) of an element, in page pixels. */
const contentBox = (element: Locator) =>
  element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      left: box.left + Number.parseFloat(style.paddingLeft),
      right: box.right - Number.parseFloat(style.paddingRight),
    };
  });

for (const width of [1280, 1440, 1920]) {
  test(`at ${width} px the lesson's columns line up with the header's content`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(LESSON);
    const header = await contentBox(page.locator("header.sticky > div"));
    const grid = await contentBox(page.locator("main").first().locator(".."));
    expect(
      Math.abs(grid.left - header.left),
      `left edges: grid ${grid.left}, header ${header.left}`,
    ).toBeLessThan(1);
    expect(
      Math.abs(grid.right - header.right),
      `right edges: grid ${grid.right}, header ${header.right}`,
    ).toBeLessThan(1);
    await expectNoSidewaysScroll(page, `the lesson at ${width} px`);
    await context.close();
  });
}
