// `npm run screenshots` (scripts/screenshots.ts) runs this: the e2e configuration (the built app
// on a throwaway database) pointed at the screenshot spec, one worker, no traces.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "shots.spec.ts",
  outputDir: path.resolve(import.meta.dirname, "../../test-results/screenshots"),
  workers: 1,
  timeout: 600_000,
  use: { ...base.use, trace: "off" },
});
