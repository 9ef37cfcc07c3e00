import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJson } from "@/lib/actions/http";
import { ACTION_BODY_LIMIT_BYTES, actionRefusal } from "@/lib/security/action-requests";

// Body sizes and origins at the HTTP boundary: a JSON write never holds more than its limit in
// memory and answers 413 with words; a server action from another site answers 403, one larger
// than Next accepts 413, where Next itself answers a bare 500.

function streaming(chunks: number, chunkSize: number, pulled: { count: number }) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.count++;
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(chunkSize).fill(0x20));
    },
  });
}

describe("JSON bodies", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost/api/x", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
      duplex: "half",
    } as RequestInit);

  it("refuses a declared oversized body without reading it", async () => {
    const pulled = { count: 0 };
    const result = await readJson(post(streaming(1000, 1024, pulled), { "content-length": "1024000" }), 2000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.status).toBe(413);
      expect(await result.response.json()).toEqual({ error: "The body is larger than 2000 bytes" });
    }
    expect(pulled.count).toBeLessThanOrEqual(1); // at most what the Request itself primed
  });

  it("stops reading a body that streams past the limit without saying its length", async () => {
    const pulled = { count: 0 };
    const result = await readJson(post(streaming(10_000, 1024, pulled)), 4096);
    expect(result.ok ? 200 : result.response.status).toBe(413);
    expect(pulled.count).toBeLessThan(10);
  });

  it("counts bytes, not characters", async () => {
    const text = JSON.stringify({ s: "é".repeat(600) }); // 1,210 bytes in 610 characters
    expect((await readJson(post(text), 1000)).ok).toBe(false);
    expect((await readJson(post(text), 1300)).ok).toBe(true);
  });
});

describe("server-action requests", () => {
  const action = (headers: Record<string, string>) => ({
    method: "POST",
    headers: new Headers({ "next-action": "abc123", host: "lectern.example", ...headers }),
  });

  it("refuses one posted from another site with 403 and a message", () => {
    expect(actionRefusal(action({ origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    expect(actionRefusal(action({ origin: "null" }))).toMatchObject({ status: 403 });
    expect(actionRefusal(action({ origin: "https://lectern.example.evil.example" }))).toMatchObject({
      status: 403,
    });
    expect(actionRefusal(action({ origin: "https://lectern.example" }))).toBeNull();
    expect(actionRefusal(action({}))).toBeNull(); // no Origin: not a browser page; Next decides
  });

  it("compares with the forwarded host behind a proxy, as Next does", () => {
    const proxied = { "x-forwarded-host": "learn.example.org", host: "lectern-1:3000" };
    expect(actionRefusal(action({ ...proxied, origin: "https://learn.example.org" }))).toBeNull();
    expect(actionRefusal(action({ ...proxied, origin: "http://lectern-1:3000" }))).toMatchObject({
      status: 403,
    });
  });

  it("covers plain form posts (no JavaScript) too, but not other requests", () => {
    const form = {
      "content-type": "multipart/form-data; boundary=x",
      origin: "https://evil.example",
      host: "lectern.example",
    };
    expect(actionRefusal({ method: "POST", headers: new Headers(form) })).toMatchObject({ status: 403 });
    expect(actionRefusal({ method: "GET", headers: new Headers(form) })).toBeNull();
    expect(
      actionRefusal({
        method: "POST",
        headers: new Headers({ ...form, "content-type": "application/json" }),
      }),
    ).toBeNull();
  });

  it("refuses a body Next would refuse, with 413 and a message", () => {
    const big = String(ACTION_BODY_LIMIT_BYTES + 1);
    expect(actionRefusal(action({ origin: "https://lectern.example", "content-length": big }))).toEqual({
      status: 413,
      message: "The request is 1025 KB; Lectern accepts at most 1024 KB in one request.",
    });
  });

  it("never lets another origin through (property)", () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.domain(), (origin, host) => {
        const refusal = actionRefusal(action({ origin, host }));
        const same = new URL(origin).host === host;
        expect(refusal === null).toBe(same);
      }),
    );
  });
});
