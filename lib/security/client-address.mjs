// Which address a request comes from, for the per-address rate limits. Plain JavaScript: the
// server entries load it into Next's own process before Next starts (`node --import`), where
// nothing compiles TypeScript. Types: client-address.d.mts.
import diagnostics from "node:diagnostics_channel";
import { BlockList, isIP } from "node:net";

/**
 * The request header the server entry sets from the connection. Any copy a client sends is
 * removed first, so the app can trust it (lib/security/request-address.ts reads it).
 */
export const CLIENT_ADDRESS_HEADER = "x-lectern-client-address";
/** Set on globalThis once the hook is installed, so the app knows the header is trustworthy. */
export const HOOK_INSTALLED = Symbol.for("lectern.clientAddressHook");

const NAMED_RANGES = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  private: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["fc00::", 7, "ipv6"],
  ],
};

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) as the IPv4 address it is. */
function plain(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/**
 * Parses LECTERN_TRUSTED_PROXIES: comma-separated IP addresses, CIDR ranges (`10.0.0.0/8`,
 * `fd00::/8`) and the words `loopback` and `private`. Unset or empty: no proxy is trusted, and
 * the address is the connection's. Returns the list, or the entry that is not valid.
 * @param {string | undefined} value
 * @returns {{ ok: true, trusted: BlockList | null } | { ok: false, entry: string }}
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: true, trusted: null };
  const trusted = new BlockList();
  for (const entry of entries) {
    const named = NAMED_RANGES[entry.toLowerCase()];
    if (named) {
      for (const [network, prefix, family] of named) trusted.addSubnet(network, prefix, family);
      continue;
    }
    const [address = "", prefixText, ...extra] = entry.split("/");
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!family || extra.length > 0 || !/^\d*$/.test(prefixText ?? "") || prefix < 0 || prefix > max)
      return { ok: false, entry };
    trusted.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return { ok: true, trusted };
}

/** @param {BlockList} list @param {string} address */
function isTrusted(list, address) {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the connection's own address, unless it is a trusted proxy. Then the
 * X-Forwarded-For entries are read from the right (each proxy appends the address it was
 * reached from), skipping trusted proxies, and the first address not trusted is the client's.
 * Entries a client wrote itself sit to the left of that and are never reached.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {BlockList | null} trusted
 * @returns {string}
 */
export function resolveClientAddress(socketAddress, forwardedFor, trusted) {
  let address = plain(socketAddress ?? "");
  if (!address) return "unknown";
  if (!trusted) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean)
    .reverse();
  for (const hop of hops) {
    if (!isTrusted(trusted, address)) break;
    // A hop that is not an address: the chain cannot be read further; the last proxy counts.
    if (!isIP(hop)) break;
    address = hop;
  }
  return address;
}

/**
 * Replaces any client-sent copy of the client-address header on a request with the address
 * resolved from its connection. Mutates the raw header list before Node parses it into
 * `headers`, so every view of the request agrees.
 * @param {import("node:http").IncomingMessage} request
 * @param {string | undefined} socketAddress
 * @param {BlockList | null} trusted
 */
export function stampClientAddress(request, socketAddress, trusted) {
  const raw = request.rawHeaders;
  let forwardedFor = [];
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    const name = raw[i].toLowerCase();
    if (name === CLIENT_ADDRESS_HEADER) raw.splice(i, 2);
    else if (name === "x-forwarded-for") forwardedFor = [raw[i + 1], ...forwardedFor];
  }
  const address = resolveClientAddress(socketAddress, forwardedFor, trusted);
  raw.push(CLIENT_ADDRESS_HEADER, address);
  // In case Node or anything before us has parsed the headers already.
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  request.headersDistinct[CLIENT_ADDRESS_HEADER] = [address];
}

/**
 * Installs the stamping for every HTTP request this process serves (Node's
 * `http.server.request.start` channel fires before the server's request handler runs).
 * Throws on an invalid LECTERN_TRUSTED_PROXIES, as lib/env.ts would.
 * @param {Record<string, string | undefined>} [env]
 */
export function installClientAddressHook(env = process.env) {
  if (globalThis[HOOK_INSTALLED]) return;
  const parsed = parseTrustedProxies(env.LECTERN_TRUSTED_PROXIES);
  if (!parsed.ok)
    throw new Error(`LECTERN_TRUSTED_PROXIES: "${parsed.entry}" is not an IP address or CIDR range`);
  diagnostics.subscribe("http.server.request.start", ({ request, socket }) => {
    stampClientAddress(request, socket?.remoteAddress, parsed.trusted);
  });
  globalThis[HOOK_INSTALLED] = true;
}
