import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type Emulation, emulateBuild, ROOT, treeBytes } from "./support/container-image";
import { E2E_PROVIDER, freshDatabase } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuiz } from "./support/quiz";

// The Dockerfile, built and run without a Docker engine (see support/container-image.ts): one
// extra `next build` (standalone), then the runtime stage's files are laid out exactly as its
// COPY lines say and started exactly as its CMD says, with its ENV.
//
// Building the image does not depend on the database; running it does. So the first test builds
// it (SQLite pass only) and the second runs it (both passes). Within one `npm test`, whose e2e
// passes share LECTERN_E2E_SHARED_DIR, the PostgreSQL pass runs the image the SQLite pass built
// from the same sources instead of building it again; without that folder, or when the first
// test did not run (`--grep @db` by hand), the second test builds the image itself.
const port = Number(process.env.LECTERN_E2E_PORT ?? 3100) + 550;
const shared = process.env.LECTERN_E2E_SHARED_DIR;
// Inside the repository, so node_modules can be hard-linked rather than copied (same file system).
const buildRoot = path.join(ROOT, `.next-container-${port}`);
// Outside it, so Node cannot fall back to the repository's node_modules: the image must be whole.
const imageRoot = path.join(shared ?? tmpdir(), `lectern-container-${port}`);
/** What running the image needs, written once the image is laid out (read back by the next pass). */
const imageRecord = path.join(imageRoot, "image.json");
type Image = Pick<Emulation, "imageDir" | "env" | "user" | "command">;

const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function start(command: string[], cwd: string, env: Record<string, string>) {
  const [bin, ...args] = command;
  const child = spawn(bin === "node" ? process.execPath : (bin as string), args, {
    cwd,
    env: env as unknown as NodeJS.ProcessEnv, // exactly these variables, nothing inherited
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, server: { exited: Promise<unknown>; output: () => string }) {
  let done = false;
  void server.exited.then(() => {
    done = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !done) {
    const res = await fetch(url).catch(() => null);
    if (res?.ok) return res.json();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The container's server did not become healthy:\n${server.output().slice(-3000)}`);
}

// When the build fails, running it is skipped rather than built a second time.
test.describe.configure({ mode: "serial" });

test.afterAll(() => {
  if (process.env.LECTERN_KEEP_CONTAINER_BUILD) return; // for a look inside after a failure
  rmSync(buildRoot, { recursive: true, force: true });
  // npm test removes the shared folder, image included, when both passes are done.
  if (!shared) rmSync(imageRoot, { recursive: true, force: true });
});

/** Builds the image from the Dockerfile's own instructions (every stage the runtime needs). */
async function buildImage(): Promise<Emulation> {
  rmSync(buildRoot, { recursive: true, force: true });
  rmSync(imageRoot, { recursive: true, force: true });
  for (let dir = path.dirname(imageRoot); dir !== path.dirname(dir); dir = path.dirname(dir))
    expect(existsSync(path.join(dir, "node_modules")), `${dir}/node_modules would leak in`).toBe(false);
  const image = await emulateBuild((_stage, ships) =>
    ships ? path.join(imageRoot, "app") : path.join(buildRoot, "app"),
  );
  console.log(`container build: ${image.log.join("; ")}`);
  const { imageDir, env, user, command } = image;
  built = { imageDir, env, user, command };
  if (shared) writeFileSync(imageRecord, JSON.stringify(built));
  return image;
}
let built: Image | undefined;

/** The image built earlier in this run (by this pass or the SQLite pass before it), else a new build. */
async function builtImage(): Promise<Image> {
  if (built) return built;
  if (shared && existsSync(imageRecord)) return JSON.parse(readFileSync(imageRecord, "utf8")) as Image;
  return buildImage();
}

test("the Dockerfile's runtime stage is laid out from a real standalone build: what it copies, nothing it must not carry", async () => {
  test.setTimeout(420_000);
  const image = await buildImage();
  expect(image.shipping.name).toBe("runtime");

  // Every COPY --from source existed (emulateBuild throws otherwise) and landed in the image.
  const fromBuild = image.copies.filter((c) => c.fromStage !== null);
  expect(fromBuild.map((c) => c.source)).toEqual(
    expect.arrayContaining(["/app/.next/standalone", "/app/.next/static", "/app/.next/lectern-content.json"]),
  );
  for (const copy of fromBuild) {
    const dest = path.join(image.imageDir, copy.destination);
    expect(existsSync(dest), `line ${copy.line}: ${copy.destination}`).toBe(true);
  }
  const app = (p: string) => path.join(image.imageDir, p);
  for (const p of [
    "server.js",
    "start.mjs",
    ".next/BUILD_ID",
    ".next/lectern-content.json",
    "content/courses/docker/course.json",
    "prisma/migrations/migration_lock.toml",
  ])
    expect(existsSync(app(p)), p).toBe(true);
  expect(readdirSync(app(".next/static")).length).toBeGreaterThan(0);
  // What the image must not carry: sources, tests, the Prisma CLI, compilers' inputs, dev tools.
  for (const p of [
    "app",
    "components",
    "scripts",
    "tests",
    "content/AUTHORING.md",
    "node_modules/prisma",
    "node_modules/typescript",
    "node_modules/@playwright",
    "node_modules/@biomejs",
    "node_modules/vitest",
    "node_modules/better-sqlite3/src",
    "node_modules/better-sqlite3/deps",
  ])
    expect(existsSync(app(p)), `${p} should not be in the image`).toBe(false);
  const sizes = {
    image: treeBytes(image.imageDir),
    standalone: treeBytes(path.join(buildRoot, "app/.next/standalone")),
    nodeModules: treeBytes(app("node_modules")),
  };
  console.log(
    `container layout: /app ${MB(sizes.image)} (standalone ${MB(sizes.standalone)}, node_modules ${MB(sizes.nodeModules)})`,
  );
  test.info().annotations.push({ type: "image /app size", description: MB(sizes.image) });
  expect(image.env).toMatchObject({ NODE_ENV: "production", HOSTNAME: "0.0.0.0", PORT: "3000" });
  expect(image.user).toBe("node");
});

test("the runtime image migrates, seeds and serves Lectern, and stops on SIGTERM", {
  tag: "@db",
}, async ({ page }) => {
  test.setTimeout(420_000);
  const image = await builtImage();
  const app = (p: string) => path.join(image.imageDir, p);

  // Run: the CMD in WORKDIR with the stage's ENV; `docker run -e` would override these two.
  const dataDir = path.join(imageRoot, "data");
  mkdirSync(dataDir, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: imageRoot,
    ...image.env,
    PORT: String(port),
    // The image's own volume path on SQLite; a fresh database in the PostgreSQL pass.
    DATABASE_URL:
      E2E_PROVIDER === "postgresql"
        ? (await freshDatabase("container")).url
        : `file:${path.join(dataDir, "lectern.db")}`,
  };
  const server = start(image.command, image.imageDir, env);
  try {
    const health = await waitForHealth(`http://localhost:${port}/api/health`, server);
    const migrationsDir = E2E_PROVIDER === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
    const migrations = readdirSync(app(migrationsDir)).filter((n) => !n.endsWith(".toml"));
    expect(health).toMatchObject({ status: "ok", database: { status: "ok", migrations: migrations.length } });
    expect(server.output()).toMatch(/✔ Database .*\(\d+ migrations, \d+ applied\)/);
    expect(server.output()).toMatch(/✔ Seeded 1 course\(s\), \d+ lesson\(s\)/);

    // A prerendered lesson with its client JavaScript (.next/static) ...
    const response = await page.goto(`http://localhost:${port}/courses/docker/multi-stage-builds`);
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole("heading", { level: 1, name: "Multi-Stage Builds — Optimize Your Images" }),
    ).toBeVisible();
    await waitForHydration(page);
    // ... and a quiz graded by a server action against the manifest's answer keys, stored in the database.
    const quiz = authoredQuiz("07-multi-stage-builds.mdx");
    const section = page.locator(`[data-quiz="${quiz.id}"]`);
    await section.scrollIntoViewIfNeeded();
    await answerQuiz(section, quiz.questions, true);
    await section.getByRole("button", { name: "Submit answers" }).click();
    await expect(section.locator(".quiz-result")).toContainText("Passed", { timeout: 15_000 });

    // `docker run` puts no proxy in front: each request's address is its connection's (start.mjs
    // installs the hook), so failed sign-ins claiming new X-Forwarded-For addresses hit the limit.
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) {
      const res = await fetch(`http://localhost:${port}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
        body: JSON.stringify({ email: `probe-${i}@example.test`, password: "not-the-password" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1), statuses.join(" ")).toBe(429);
    expect(server.output()).not.toContain("without the client-address hook");

    // `docker stop` sends SIGTERM to the CMD's process, which is the server itself: Next.js closes
    // it and exits with 143 (128 + SIGTERM), which `docker ps` shows as "Exited (143)".
    const t0 = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(143);
    expect(Date.now() - t0).toBeLessThan(10_000);
  } finally {
    server.child.kill("SIGKILL");
  }

  // A restart on the same volume: nothing to migrate, the seed leaves learner data alone.
  const again = start([...image.command, "--prepare-only"], image.imageDir, env);
  expect(await again.exited, again.output()).toBe(0);
  expect(again.output()).toContain("up to date");
});
