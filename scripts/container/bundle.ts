// Bundles the container's entry point (scripts/container/start.ts) into one ES module,
// <distDir>/container/start.mjs, which the Dockerfile copies into the runtime stage beside
// server.js. Run in the image's build stage after `npm run build`; plain `node` runs the result.
//
// Everything is inlined (zod, yaml, the generated Prisma clients, the seed and catalog code) except
// the packages the standalone server already ships (Prisma's runtime, both driver adapters,
// better-sqlite3 and pg), so the image holds one copy of each and a single native module.
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY_BUNDLE = path.join(ROOT, process.env.LECTERN_DIST_DIR || ".next", "container", "start.mjs");

const result = await build({
  entryPoints: [path.join(ROOT, "scripts/container/start.ts")],
  outfile: ENTRY_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(ROOT, "tsconfig.json"),
  external: [
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
  ],
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
console.log(`✔ Entry point bundle: ${path.relative(ROOT, ENTRY_BUNDLE)} (${Math.round(bytes / 1024)} KB)`);
