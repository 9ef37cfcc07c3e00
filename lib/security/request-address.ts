import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, HOOK_INSTALLED } from "./client-address.mjs";

let warned = false;

/**
 * The address this request's client connected from, as the per-address rate limits count it:
 * set by the server entry from the connection (or a trusted proxy's X-Forwarded-For), never
 * from anything the client sent. IPv6 clients count per /64, the block one subscriber gets.
 * Without the server entry's hook (e.g. `next start` run by hand) the address is unknown and
 * every client shares one count: refused sign-ins fail safe rather than open.
 */
export async function requestAddress(): Promise<string> {
  if (!(globalThis as Record<symbol, unknown>)[HOOK_INSTALLED]) {
    if (!warned) {
      warned = true;
      console.warn("[address] started without the client-address hook; per-address limits are shared by all");
    }
    return "unknown";
  }
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  return isIP(address) === 6 ? `${ipv6Prefix64(address)}::/64` : address;
}

/** The first four groups of an IPv6 address (its /64 network), written out in full. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = address.includes("::") ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  return groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":");
}
