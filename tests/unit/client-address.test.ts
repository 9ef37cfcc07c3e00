import { createServer, type Server } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
  stampClientAddress,
} from "@/lib/security/client-address.mjs";

// Issue 15: the per-address limits must count the address a client connected from. Without a
// trusted proxy that is the connection's address, whatever X-Forwarded-For or our own header
// the client sends; behind a proxy named in LECTERN_TRUSTED_PROXIES, the address that proxy saw.

const trusted = (value: string) => {
  const parsed = parseTrustedProxies(value);
  if (!parsed.ok) throw new Error(parsed.entry);
  return parsed.trusted;
};
const ipv4 = fc.ipV4();
const anyForwardedFor = fc
  .array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 6 })
  .map((l) => l.join(", "));

describe("without a trusted proxy, the connection decides", () => {
  it("ignores X-Forwarded-For entirely", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", null)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, null)).toBe("203.0.113.9");
  });

  it("whatever a client writes (property)", () => {
    fc.assert(
      fc.property(ipv4, anyForwardedFor, (socket, forwarded) => {
        expect(resolveClientAddress(socket, forwarded, null)).toBe(socket);
      }),
    );
  });
});

describe("behind trusted proxies, the address the nearest untrusted hop presented", () => {
  it("reads X-Forwarded-For from the right, skipping trusted proxies", () => {
    const local = trusted("loopback, 10.0.0.0/8");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9", local)).toBe("203.0.113.9");
    // A client's own X-Forwarded-For ends up left of what the proxy appended: never reached.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", local)).toBe("203.0.113.9");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9, 10.1.2.3", local)).toBe("203.0.113.9");
    // Not from the proxy: X-Forwarded-For is the client's word and ignored.
    expect(resolveClientAddress("198.51.100.7", "203.0.113.9", local)).toBe("198.51.100.7");
    // A malformed hop stops the walk at the proxy that passed it on.
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9, nonsense", local)).toBe("127.0.0.1");
  });

  it("a client behind a trusted proxy cannot choose its address (property)", () => {
    const local = trusted("loopback");
    fc.assert(
      fc.property(
        anyForwardedFor,
        ipv4.filter((a) => !a.startsWith("127.")),
        (spoofed, real) => {
          // nginx with `proxy_add_x_forwarded_for`: whatever the client sent, then what nginx saw.
          const header = spoofed ? `${spoofed}, ${real}` : real;
          expect(resolveClientAddress("127.0.0.1", header, local)).toBe(real);
        },
      ),
    );
  });
});

describe("LECTERN_TRUSTED_PROXIES is validated", () => {
  it("accepts addresses, ranges and the named ranges", () => {
    for (const value of ["", "loopback", "private", "10.0.0.0/8, 192.168.1.4", "fd00::/8,::1", " Loopback "])
      expect(parseTrustedProxies(value).ok, value).toBe(true);
    expect(parseEnv({ LECTERN_TRUSTED_PROXIES: "loopback" }).LECTERN_TRUSTED_PROXIES).toBe("loopback");
  });

  it("refuses anything else, naming the variable", () => {
    for (const value of [
      "*",
      "true",
      "1",
      "10.0.0.0/33",
      "example.com",
      "10.0.0.0/8/1",
      "::1/129",
      "10.0.0/8",
    ])
      expect(parseTrustedProxies(value).ok, value).toBe(false);
    expect(() => parseEnv({ LECTERN_TRUSTED_PROXIES: "everyone" })).toThrow(/LECTERN_TRUSTED_PROXIES/);
  });
});

describe("the server entry's stamp", () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.end(
        JSON.stringify({
          header: request.headers[CLIENT_ADDRESS_HEADER],
          raw: request.rawHeaders.filter((_, i, all) => all[i - 1]?.toLowerCase() === CLIENT_ADDRESS_HEADER),
        }),
      );
    });
    // Installed the way the hook installs it: before the request handler runs.
    server.prependListener("request", (request) =>
      stampClientAddress(request, request.socket.remoteAddress, null),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("replaces a client's copy of the header, whatever its case or count, with the connection's address", async () => {
    const response = await fetch(url, {
      headers: [
        ["X-Lectern-Client-Address", "6.6.6.6"],
        ["x-lectern-client-address", "7.7.7.7"],
        ["X-Forwarded-For", "8.8.8.8"],
      ],
    });
    expect(await response.json()).toEqual({ header: "127.0.0.1", raw: ["127.0.0.1"] });
  });
});
