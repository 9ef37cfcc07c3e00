// `npm test`: type check, lint, content check, unit tests, then end-to-end tests in Chromium
// against a production build (built once, reused when the sources have not changed).
// With LECTERN_POSTGRES_URL (a PostgreSQL server whose role may create databases; CI sets it),
// the database-touching unit tests (tests/unit/db-*.test.ts) and end-to-end specs run a second
// time on PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresConnectionFromUrl } from "../lib/db/url";
import { buildIfNeeded } from "./lib/build";
import { CHROMIUM_ENV, chromiumHelp, findChromium } from "./lib/chromium";
import { POSTGRES_SERVER_ENV, postgresServerUrl } from "./lib/postgres-admin";
import { run, since } from "./lib/run";

const chromium = await findChromium();
if (!chromium) {
  console.error(`✖ ${chromiumHelp()}`);
  process.exit(1);
}
console.log(`Browser for e2e: ${chromium.path} (${chromium.source})`);

const postgres = postgresServerUrl();
if (postgres) {
  const client = new pg.Client({ ...postgresConnectionFromUrl(postgres), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string; c: boolean }>(
      "SELECT current_setting('server_version') AS v, rolcreatedb AS c FROM pg_roles WHERE rolname = current_user",
    );
    if (!rows[0]?.c) throw new Error("its role may not create databases (ALTER ROLE … CREATEDB)");
    console.log(`PostgreSQL for the second pass: ${rows[0].v} at ${new URL(postgres).host}`);
  } catch (error) {
    console.error(`✖ ${POSTGRES_SERVER_ENV} is set but unusable: ${(error as Error).message}`);
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
} else if (process.env.CI) {
  console.error(`✖ CI runs the suite on PostgreSQL too: set ${POSTGRES_SERVER_ENV} (see .ci/run)`);
  process.exit(1);
} else {
  console.log(`PostgreSQL pass skipped: set ${POSTGRES_SERVER_ENV} to run it (README "PostgreSQL")`);
}

/**
 * The PostgreSQL pass runs the end-to-end tests with this tag. The rule (decision 038; README
 * "PostgreSQL"): a test carries it when what it asserts depends on what the database keeps or
 * refuses: a write and its effect on later reads (progress, attempts, comments, moderation,
 * review cards, drafts, the mail outbox), replays, double submits and concurrent writers,
 * accounts, sessions and roles, rate limits (counted in the database), migrations, restarts,
 * crashes and servers sharing a database. A test about markup, layout, screenshots, axe,
 * headers, client-side behaviour, compiled lessons or the preview does not, even when it signs
 * in or writes on the way: it passes or fails the same on either provider, and the SQLite pass
 * runs it.
 */
const DATABASE_TAG = "@db";

/**
 * A folder both e2e passes see, removed when npm test ends: what one pass builds that does not
 * depend on the database (the container image, tests/e2e/container.spec.ts) the next one reuses.
 */
const sharedDir = mkdtempSync(path.join(tmpdir(), "lectern-e2e-run-"));
process.on("exit", () => rmSync(sharedDir, { recursive: true, force: true }));
const E2E_SHARED_ENV = "LECTERN_E2E_SHARED_DIR";

type Step = { name: string; exec: (quiet: boolean) => Promise<{ code: number; output: string }> };
/** A project binary; quiet (captured, shown when it ends) when it runs beside other steps. */
const npx =
  (bin: string, args: string[], env: Record<string, string> = {}) =>
  async (quiet: boolean) => {
    const result = await run(bin, args, { env, capture: quiet });
    return { code: result.code, output: `${result.stdout}${result.stderr}` };
  };

// Stages run one after another, stopping at the first failure; the steps of one stage run at
// once. The three checks share a stage: tsc is one thread for most of its run, Biome is done in
// seconds and the content check is mostly waiting on esbuild, so on two cores they finish in
// about the time tsc takes alone.
const stages: Step[][] = [
  [
    { name: "typecheck", exec: npx("tsc", ["--noEmit"]) },
    { name: "lint", exec: npx("biome", ["check", "."]) },
    {
      name: "content:check",
      exec: npx("node", ["node_modules/tsx/dist/cli.mjs", "scripts/content-check.ts"]),
    },
  ],
  [{ name: "unit", exec: npx("vitest", ["run", "--config", "tests/vitest.config.ts"]) }],
  ...(postgres
    ? [
        [
          {
            name: "unit:postgres",
            exec: npx("vitest", ["run", "--config", "tests/vitest.config.ts", "tests/unit/db-"], {
              LECTERN_TEST_DATABASE: "postgresql",
            }),
          },
        ],
      ]
    : []),
  [
    {
      name: "build",
      exec: async () => {
        try {
          await buildIfNeeded();
          return { code: 0, output: "" };
        } catch (error) {
          return { code: 1, output: `✖ ${(error as Error).message}` };
        }
      },
    },
  ],
  [
    {
      name: "e2e",
      exec: npx("playwright", ["test", "-c", "tests/playwright.config.ts", ...process.argv.slice(2)], {
        [CHROMIUM_ENV]: chromium.path,
        [E2E_SHARED_ENV]: sharedDir,
      }),
    },
  ],
  ...(postgres
    ? [
        [
          {
            name: "e2e:postgres",
            exec: npx(
              "playwright",
              ["test", "-c", "tests/playwright.config.ts", ...process.argv.slice(2), "--grep", DATABASE_TAG],
              {
                [CHROMIUM_ENV]: chromium.path,
                [E2E_SHARED_ENV]: sharedDir,
                LECTERN_E2E_DATABASE: "postgresql",
              },
            ),
          },
        ],
      ]
    : []),
];

const timings: string[] = [];
const t0 = performance.now();
for (const stage of stages) {
  const quiet = stage.length > 1;
  if (quiet) console.log(`\n━━ ${stage.map((step) => step.name).join(" + ")}, at once ━━`);
  const codes = await Promise.all(
    stage.map(async (step) => {
      const started = performance.now();
      if (!quiet) console.log(`\n━━ ${step.name} ━━`);
      const { code, output } = await step.exec(quiet);
      if (output.trim()) console.log(`${quiet ? `\n━━ ${step.name} ━━\n` : ""}${output.trimEnd()}`);
      timings.push(`  ${code === 0 ? "✔" : "✖"} ${step.name.padEnd(14)} ${since(started)}`);
      return code;
    }),
  );
  const failed = stage.filter((_, i) => codes[i] !== 0);
  if (failed.length > 0) {
    console.error(
      `\n✖ npm test failed at ${failed.map((step) => `"${step.name}"`).join(", ")}\n${timings.join("\n")}`,
    );
    process.exit(codes.find((code) => code !== 0) || 1);
  }
}
console.log(`\n✔ All checks passed in ${since(t0)}\n${timings.join("\n")}`);
