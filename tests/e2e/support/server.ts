// The e2e suite starts extra servers with the same helper as the benchmark.
export { type RunningServer, startServer } from "../../../scripts/lib/spawn-server";
