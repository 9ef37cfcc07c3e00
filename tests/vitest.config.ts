import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      // Unit tests run outside React Server Components; the guard has nothing to guard there.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Child processes, not worker threads: with threads the whole run died with a segmentation
    // fault (exit 139) after the database-touching files had passed, on an idle machine too — a
    // native addon does not survive its thread ending. A fork that ends is just a process exit.
    pool: "forks",
    testTimeout: 20_000,
  },
});
