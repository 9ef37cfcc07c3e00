// Loaded with `node --import` into the process that serves HTTP (scripts/start.ts, scripts/dev.ts),
// before Next starts: every request's client address comes from its connection (see
// client-address.mjs). The container's entry calls installClientAddressHook itself.
import { installClientAddressHook } from "./client-address.mjs";

installClientAddressHook();
