import { expect, type Locator, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { explorer, openLesson } from "./support/docker-widgets";

// Issue 19, "the layer cache view": the learner says what changed and sees what BuildKit reuses.

const step = (side: Locator, line: number) => side.locator(`[data-step-line="${line}"]`);

test("Part 7 compares the wrong order with the good one for the change the learner picks", async ({
  page,
}) => {
  await openLesson(page);
  const view = page.locator("[data-layer-cache-view]");
  await view.scrollIntoViewIfNeeded();
  const wrong = view.getByRole("region", { name: /Cache: Wrong order/ });
  const good = view.getByRole("region", { name: /Cache: Good order/ });

  // Default: src/index.ts changed. The wrong order reinstalls; the good one reuses npm ci.
  await expect(view.getByLabel("Changed path, relative to the build context")).toHaveValue("src/index.ts");
  await expect(step(wrong, 3)).toHaveAttribute("data-step-state", "miss");
  await expect(step(wrong, 4)).toHaveAttribute("data-step-state", "rebuilt");
  await expect(step(wrong, 4)).toContainText("Rebuilds");
  await expect(step(good, 4)).toHaveAttribute("data-step-state", "reused");
  await expect(step(good, 5)).toHaveAttribute("data-step-state", "miss");
  await expect(wrong.locator("[data-cache-summary]")).toContainText("1 install reruns (line 4)");
  await expect(good.locator("[data-cache-summary]")).toContainText("no dependency install reruns");

  // package.json changed: both reinstall, as they should.
  await view.getByLabel("Changed path, relative to the build context").fill("package.json");
  await expect(step(good, 3)).toHaveAttribute("data-step-state", "miss");
  await expect(step(good, 4)).toHaveAttribute("data-step-state", "rebuilt");
  await expect(step(wrong, 3)).toHaveAttribute("data-step-state", "miss");

  // Nothing changed: everything is reused.
  await view.getByRole("radio", { name: "Nothing" }).check();
  await expect(good.locator("[data-cache-summary]")).toContainText("every step is reused");
  await expect(wrong.locator('[data-step-state="rebuilt"], [data-step-state="miss"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "layer cache comparison");
});

test("the explorer's cache view: build-args, cache mounts, skipped stages and the .dockerignore", async ({
  page,
}) => {
  await openLesson(page);
  const ex = explorer(page);
  await ex
    .getByLabel("Dockerfile", { exact: true })
    .fill(
      [
        "# syntax=docker/dockerfile:1",
        "FROM node:20-alpine AS deps",
        "WORKDIR /app",
        "COPY package.json package-lock.json ./",
        "RUN --mount=type=cache,target=/root/.npm npm ci",
        "FROM node:20-alpine AS test",
        "RUN npm test",
        "FROM node:20-alpine AS runner",
        "ARG VERSION=dev",
        "WORKDIR /app",
        "COPY --from=deps /app/node_modules ./node_modules",
        "COPY . .",
        'RUN echo "$VERSION" > version.txt',
        "USER node",
        'CMD ["node", "server.js"]',
      ].join("\n"),
    );
  await expect(ex.getByRole("status")).toContainText("3 stages, ships runner");
  const cache = ex.locator("[data-cache-view]");
  await expect(cache.getByRole("heading", { name: "Layer cache: what the next build reuses" })).toBeVisible();

  // package-lock.json changed: deps reinstalls (its cache mount kept), runner copies the new node_modules.
  await cache.getByLabel("Changed path, relative to the build context").fill("package-lock.json");
  const deps = cache.locator('[data-cache-stage="deps"]');
  await expect(deps.locator('[data-step-line="4"]')).toHaveAttribute("data-step-state", "miss");
  await expect(deps.locator('[data-step-line="5"]')).toContainText(
    "Cache mount kept across builds: /root/.npm",
  );
  await expect(cache.locator('[data-cache-stage="test"]')).toContainText(
    "skipped: the target does not need it",
  );
  await expect(cache.locator('[data-cache-stage="runner"] [data-step-line="11"]')).toHaveAttribute(
    "data-step-state",
    "miss",
  );
  await expect(cache.locator("[data-cache-summary]")).toContainText("keeps its cache mount (/root/.npm)");

  // A build-arg misses at the first RUN after its ARG, not at the ARG line.
  await cache.getByRole("radio", { name: "A build argument" }).check();
  await cache.getByLabel(/Build argument whose value changed/).fill("VERSION");
  const runner = cache.locator('[data-cache-stage="runner"]');
  await expect(runner.locator('[data-step-line="9"]')).toHaveAttribute("data-step-state", "reused");
  await expect(runner.locator('[data-step-line="12"]')).toHaveAttribute("data-step-state", "reused");
  await expect(runner.locator('[data-step-line="13"]')).toHaveAttribute("data-step-state", "miss");

  // A path the .dockerignore keeps out cannot invalidate anything.
  await cache.getByRole("radio", { name: "A file in the build context" }).check();
  await cache
    .getByLabel("Changed path, relative to the build context")
    .fill("node_modules/left-pad/index.js");
  await cache.getByText("Build context: .dockerignore and files (optional)").click();
  await cache.getByLabel(".dockerignore").fill("node_modules\n*.log\n!keep.log");
  await cache
    .getByLabel("Files in the build context, one a line")
    .fill("server.js\nnode_modules/x/y.js\ndebug.log\nkeep.log");
  await expect(cache).toContainText("is kept out of the build context by .dockerignore line 1");
  await expect(cache.locator("[data-cache-summary]")).toContainText("every step is reused");
  await expect(cache.locator('[data-context-path="debug.log"]')).toHaveAttribute("data-excluded", "true");
  await expect(cache.locator('[data-context-path="keep.log"]')).toHaveAttribute("data-excluded", "false");
  await expectNoAxeViolations(page, "explorer cache view");
});
