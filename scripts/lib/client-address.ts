import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./run";

/**
 * NODE_OPTIONS that load lib/security/client-address-hook.mjs into the Next.js server process
 * before it starts, so each request's client address comes from its connection (and from
 * X-Forwarded-For only through a proxy named in LECTERN_TRUSTED_PROXIES).
 */
export function withClientAddressHook(existing = process.env.NODE_OPTIONS ?? ""): string {
  const hook = pathToFileURL(path.join(ROOT, "lib/security/client-address-hook.mjs")).href;
  return `${existing} --import=${hook}`.trim();
}
