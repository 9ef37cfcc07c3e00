// `npm run build`: a production build, recorded so `npm start` and `npm test` can reuse it.
import { buildIfNeeded } from "./lib/build";

try {
  await buildIfNeeded({ force: process.argv.includes("--force") || !process.argv.includes("--if-needed") });
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
