import { gzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./support/hydration";
import { clickWhenStill } from "./support/layout";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuiz, openQuiz, plain } from "./support/quiz";

const PART6 = "/courses/docker/networking";
const PART7 = "/courses/docker/multi-stage-builds";
/** A sentence of Part 7's text, as it reads on the page. */
const SENTENCE = "It is like delivering a chair together with the workshop it was made in.";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");

/** The inlined RSC payload of a page: the strings of its self.__next_f.push([...]) scripts. */
function inlinedPayload(html: string): string {
  return [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)]
    .map((m) => m[1])
    .join("");
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Every POST the page sends, with the size of its answer and whether Next re-rendered the page. */
function recordPosts(page: Page) {
  const posts: { url: string; bytes: number; text: string; revalidated: boolean }[] = [];
  page.on("response", async (response) => {
    if (response.request().method() !== "POST") return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    posts.push({
      url: response.url(),
      bytes: body.length,
      text: body.toString("utf8"),
      revalidated: response.headers()["x-action-revalidated"] !== undefined,
    });
  });
  return posts;
}

/** No write's answer re-rendered the page (Next's x-action-revalidated) or carries the lesson. */
function expectSmallAnswers(posts: ReturnType<typeof recordPosts>, maxBytes: number) {
  for (const post of posts) {
    expect(post.revalidated, post.url).toBe(false);
    expect(post.text, post.url).not.toContain("delivering a chair");
    expect(post.bytes, post.url).toBeLessThan(maxBytes);
  }
}

test("Part 7's text travels once: in the HTML, not again in the inlined RSC payload", async ({ request }) => {
  const response = await request.get(PART7);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(occurrences(html, SENTENCE)).toBe(1);
  expect(inlinedPayload(html)).not.toContain("delivering a chair");
  // And it is the text a reader sees, not text hidden until a script moves it into place.
  expect(html).not.toMatch(/<div hidden id="S:\d+">/);
  const size = Buffer.byteLength(html);
  test
    .info()
    .annotations.push({ type: "Part 7 HTML", description: `${size} B, ${gzipSync(html).length} B gzip` });
});

test("Part 7's contents and the course's parts are in its HTML once, and as data once in its payload", async ({
  request,
}) => {
  const html = await (await request.get(PART7)).text();
  // What readers without JavaScript get on phones is a <noscript> list of its own.
  const scripted = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, "");
  expect(occurrences(scripted, 'class="toc-link">Choosing a base image</a>')).toBe(1);
  expect(occurrences(html, 'aria-label="Docker, From First Container to Production: parts"')).toBe(1);
  // Part 8 is named by the parts list and by the "Next" link.
  expect(occurrences(html, ">Multi-Container Apps with Docker Compose</span>")).toBe(2);
  const payload = inlinedPayload(html);
  expect(occurrences(payload, "Choosing a base image")).toBe(1);
  expect(occurrences(payload, "Multi-Container Apps with Docker Compose")).toBe(2);
});

test("Part 7's quiz text travels once, in its form's HTML; the mounted quiz reads the same words", async ({
  page,
  request,
}) => {
  const html = await (await request.get(PART7)).text();
  // The island's props: ids, points and settings, no title, prompt, choice or item text.
  const script = html.match(
    /<div data-island="quiz" class="contents"><script type="application\/json" data-island-props="">([^<]*)<\/script>/,
  );
  expect(script, "the quiz island carries its props in a JSON script").not.toBeNull();
  const props = JSON.parse(script![1]!) as { quiz: Record<string, unknown> & { questions: object[] } };
  expect(props.quiz.id).toBe(quiz.id);
  expect(props.quiz).not.toHaveProperty("title");
  expect(props.quiz.questions).toHaveLength(quiz.questions.length);
  for (const q of props.quiz.questions) expect(q).not.toHaveProperty("prompt");
  for (const q of quiz.questions)
    for (const c of q.choices ?? []) expect(script![1]).not.toContain(plain(c.text));
  expect(html).not.toContain('data-island-props="{');

  await page.goto(PART7);
  await waitForHydration(page);
  const section = page.locator(`[data-quiz="${quiz.id}"]`);
  await expect(section.getByTestId("quiz-stats")).toHaveText("Not attempted yet.");
  // What the mounted island says, word for word, is what the server's form said, but for the
  // order items' controls: position menus without JavaScript, Up/Down buttons once mounted.
  const [served, mounted] = await page.evaluate(
    ([source, id]) => {
      const words = (el: Element | null) => {
        const copy = el?.cloneNode(true) as Element | undefined;
        for (const control of copy?.querySelectorAll(".quiz-position, [data-move]") ?? []) control.remove();
        return copy?.textContent?.replace(/\s+/g, " ").trim();
      };
      const selector = `[data-quiz="${id}"]`;
      const server = new DOMParser().parseFromString(source, "text/html");
      return [words(server.querySelector(selector)), words(document.querySelector(selector))];
    },
    [html, quiz.id] as const,
  );
  expect(served).toContain(plain(quiz.questions[0]!.prompt));
  expect(mounted).toBe(served);
});

test("Part 7's islands mount in the browser and work: copy, quiz, calculator, explorer buttons", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(PART7);
  await waitForHydration(page);
  await expect(page.locator("[data-lesson-body] [data-island-mounted]").first()).toBeAttached();
  // The explorer island registered itself: Dockerfile blocks offer it.
  await expect(page.getByRole("button", { name: /^Open in stage explorer/ }).first()).toBeVisible();
  const calculator = page.locator("[data-size-calculator]");
  await expect(calculator.getByRole("tab", { name: "Your numbers" })).toBeVisible();
  await expect(page.locator(`[data-quiz="${quiz.id}"]`).getByTestId("quiz-stats")).toHaveText(
    "Not attempted yet.",
  );
  expect(errors).toEqual([]);
});

test("a lesson reached by a client-side link shows its text, and its islands and contents work", async ({
  page,
}) => {
  await page.goto(PART6);
  await waitForHydration(page);
  // The body's HTML: fetched once, from the lesson's prerendered page (not the RSC payload).
  const bodyFetches: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname === PART7 && !url.searchParams.has("_rsc") && r.headers().rsc === undefined)
      bodyFetches.push(r.resourceType());
  });
  await clickWhenStill(
    page.getByRole("navigation", { name: "Previous and next part" }).getByRole("link", { name: /Next/ }),
  );
  await expect(page).toHaveURL(PART7);
  // The Next.js router navigated (no document load), and the body came with it.
  await expect(page.getByText(SENTENCE)).toBeVisible();
  await waitForHydration(page);
  await expect(
    page.locator(`[data-quiz="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Open in stage explorer/ }).first()).toBeVisible();
  // The contents find the body's headings: following one marks it as the section being read.
  const link = page
    .getByRole("navigation", { name: "On this page" })
    .getByRole("link", { name: "Choosing a base image" });
  await link.click();
  await expect(page.getByRole("heading", { level: 2, name: /Choosing a base image/ })).toBeInViewport();
  await expect(link).toHaveAttribute("aria-current", "location");
  expect(bodyFetches).toEqual(["fetch"]);
});

test("Next at the foot of a part opens the next part at its top, its label clear of the header", async ({
  page,
}) => {
  await page.goto(PART6);
  await waitForHydration(page);
  const next = page
    .getByRole("navigation", { name: "Previous and next part" })
    .getByRole("link", { name: /Next/ });
  await next.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(5000);
  await clickWhenStill(next);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Multi-Stage Builds/);
  // At the top at once: the page does not glide 20,000 px past the new part's text (the site's
  // smooth scrolling is for links within a page), and it does not stop where the header covers
  // the part's label.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  const header = await page.getByRole("banner").boundingBox();
  const label = await page.getByText("Part 7 of 10", { exact: true }).boundingBox();
  expect(label!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
});

test("while a part reached by a client-side link loads, it says so and nothing below it moves under the reader", async ({
  page,
}) => {
  await page.goto(PART6);
  await waitForHydration(page);
  // A slow network: the body's HTML (the part's prerendered page) takes a while to come.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === PART7 && !url.searchParams.has("_rsc"),
    async (route) => {
      if (route.request().headers().rsc !== undefined) return route.continue();
      await held;
      await route.continue();
    },
  );
  await clickWhenStill(
    page.getByRole("navigation", { name: "Previous and next part" }).getByRole("link", { name: /Next/ }),
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Multi-Stage Builds/);
  const body = page.locator("[data-lesson-body]");
  await expect(body).toHaveAttribute("aria-busy", "true");
  // The reader is told the part is coming…
  await expect(page.getByRole("status").filter({ hasText: "Loading this part…" })).toBeVisible();
  // …and what comes after the body (the pager, "Mark as complete") is not in the window yet, so it
  // cannot jump away from under a pointer or a finger when the text arrives.
  const pager = page.getByRole("navigation", { name: "Previous and next part" });
  await expect(pager).not.toBeInViewport();
  await expect(page.getByRole("button", { name: /Mark as complete/ })).not.toBeInViewport();
  release();
  await expect(page.getByText(SENTENCE)).toBeVisible();
  await expect(body).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("status").filter({ hasText: "Loading this part…" })).toHaveCount(0);
});

test("an anonymous reader's first quiz submission is answered with the result, not the lesson again", async ({
  page,
}) => {
  const posts = recordPosts(page);
  const section = await openQuiz(page, PART7, quiz.id);
  await answerQuiz(section, quiz.questions, true);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Passed");
  await expect.poll(() => posts.length).toBeGreaterThan(0);
  expectSmallAnswers(posts, 16_000);
});

test("an anonymous reader's first “Mark as complete” is answered with the result, not the lesson again", async ({
  page,
}) => {
  const posts = recordPosts(page);
  await page.goto(PART7);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("You completed this part")).toBeVisible();
  await expect.poll(() => posts.length).toBeGreaterThan(0);
  expectSmallAnswers(posts, 2_000);
});

/** The scripts a page loads until the network is idle and every island of its lesson is mounted. */
async function loadedScripts(page: Page, path: string) {
  const bodies: Promise<Buffer>[] = [];
  const collect = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script")
      bodies.push(response.body().catch(() => Buffer.alloc(0)));
  };
  page.on("response", collect);
  await page.goto(path, { waitUntil: "networkidle" });
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  page.off("response", collect);
  const scripts = await Promise.all(bodies);
  return { scripts, gzip: scripts.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0) };
}

test("Part 7's islands bring no Node shims to the browser, and its JavaScript stays within 50 KB gzip of /about's", async ({
  page,
}) => {
  const about = await loadedScripts(page, "/about");
  const part7 = await loadedScripts(page, PART7);
  // Node's Buffer and crypto as the bundler shims them for a client module that imports
  // node:crypto (asn1.js, the buffer package): 140 KB gzip that no island needs.
  const shims = ["DecoderBuffer overrun", "Argument must be a Buffer", "Second objid identifier OOB"];
  for (const script of part7.scripts)
    for (const shim of shims) expect(script.includes(shim), `a script with "${shim}"`).toBe(false);
  // With every island mounted (quiz, calculator, explorer, layer cache, tabs, exercises; the
  // editor loads only on focus) Part 7 loaded 44 KB gzip more than /about when this was written;
  // the shims above were 140 KB.
  expect((part7.gzip - about.gzip) / 1024).toBeLessThanOrEqual(50);
});
