import { securityHeaders } from "./lib/security/headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // LECTERN_DIST_DIR lets two builds coexist (e.g. a developer's and a test run's).
  distDir: process.env.LECTERN_DIST_DIR || ".next",
  // The container image (Dockerfile) sets LECTERN_STANDALONE=1: `next build` then also writes
  // <distDir>/standalone, a server.js with only the node_modules files the server loads.
  // Without it the build is the usual one that `npm start` (`next start`) and the e2e suite serve.
  // Its root is this folder, never a parent that happens to hold another lockfile.
  ...(process.env.LECTERN_STANDALONE === "1"
    ? {
        output: "standalone",
        outputFileTracingRoot: import.meta.dirname,
      }
    : {}),
  // Kept out of that traced copy: the dev database, Prisma's runtimes for databases Lectern does
  // not speak and for the query engine (the clients use the SQLite and PostgreSQL query
  // compilers only), and content/ and
  // tests/ (the Dockerfile copies content/courses itself; fixtures are never read by the server).
  outputFileTracingExcludes: {
    "*": [
      "prisma/*.db",
      "prisma/*.db-*",
      "node_modules/@prisma/client/runtime/*.{mysql,sqlserver,cockroachdb}.*",
      "node_modules/@prisma/client/runtime/query_engine_bg.*",
      "content/**",
      "tests/**",
    ],
  },
  // The lesson body is rendered into HTML on the server only (components/lesson/lesson-body.tsx):
  // the browser build gets a stand-in, so the renderer and the lesson's components are not in
  // the page's JavaScript.
  turbopack: {
    ...(process.env.LECTERN_STANDALONE === "1" ? { root: import.meta.dirname } : {}),
    resolveAlias: {
      "@/components/lesson/lesson-body-html": { browser: "./components/lesson/lesson-body-html.browser.ts" },
    },
  },
  reactStrictMode: true,
  poweredByHeader: false,
  // Next computes an ETag by hashing the whole body in JavaScript on every request; for a
  // 330 KB lesson that was ~40% of the CPU spent serving it. See README, Decisions.
  generateEtags: false,
  // These run on the server only (MDX compilation, highlighting, the database driver).
  serverExternalPackages: [
    "mdx-bundler",
    "esbuild",
    "shiki",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
  ],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; no need to type-check twice per build
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
