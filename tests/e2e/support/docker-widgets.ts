import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "./hydration";

// Shared by the size calculator's and the stage explorer's specs (both widgets live in Part 7).

export const LESSON = "/courses/docker/multi-stage-builds";
/** A message only the Dockerfile analyzer contains: if a script has it, the analyzer was loaded. */
export const ANALYZER_MARKER = "No FROM instruction found";

export const THREE_STAGES = `FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-alpine AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20-alpine AS runner
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
CMD ["node", "dist/server.js"]
`;

export async function openLesson(page: Page) {
  await page.goto(LESSON);
  await waitForHydration(page);
}

export function calculator(page: Page): Locator {
  return page.getByRole("region", { name: "Image size calculator" });
}

export function explorer(page: Page): Locator {
  return page.getByRole("region", { name: "Stage explorer" });
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it takes more than `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 25, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}
