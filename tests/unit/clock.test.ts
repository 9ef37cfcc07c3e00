// The server's clock for scheduling: real time unless a test launcher points it at a file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";

const DAY = 86_400_000;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function clockWith(env: Record<string, string>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  return import("@/lib/clock");
}

describe("the scheduling clock", () => {
  it("is the real time when no test clock is configured", async () => {
    const { now } = await clockWith({});
    const before = Date.now();
    const t = now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it("runs ahead by the milliseconds in the test clock file, and back to real time when it is emptied", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "lectern-clock-")), "clock");
    const { now } = await clockWith({ LECTERN_TEST_CLOCK_FILE: file });
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    writeFileSync(file, String(2 * DAY));
    expect(now().getTime() - Date.now()).toBeGreaterThan(2 * DAY - 1000);
    writeFileSync(file, "");
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("reads any file content as a whole number of milliseconds or as no offset at all", async () => {
    const { clockOffset } = await import("@/lib/clock");
    fc.assert(
      fc.property(fc.string(), (text) => {
        const offset = clockOffset(text);
        expect(Number.isSafeInteger(offset)).toBe(true);
        if (!/^\s*-?\d+\s*$/.test(text)) expect(offset === 0 || Number(text.trim()) === offset).toBe(true);
      }),
    );
    expect(clockOffset("86400000\n")).toBe(DAY);
    expect(clockOffset(null)).toBe(0);
  });
});
