// `npm run dev`: migrate and seed the development database, then Next's dev server.
import { withClientAddressHook } from "./lib/client-address";
import { prepareDatabase } from "./lib/prepare";
import { run } from "./lib/run";

await prepareDatabase();
const result = await run("next", ["dev", "-p", process.env.PORT || "3000"], {
  env: { NODE_OPTIONS: withClientAddressHook() },
});
process.exit(result.code);
