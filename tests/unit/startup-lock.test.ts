import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { withStartupLock } from "../../scripts/lib/startup-lock";

const sqliteUrl = () =>
  `file:${path.join(mkdtempSync(path.join(tmpdir(), "lectern-lock-")), "data", "app.db")}`;

describe("startup lock on SQLite", () => {
  test("two starts at once run their migrate + seed one after the other", async () => {
    const url = sqliteUrl();
    const events: string[] = [];
    let waits = 0;
    const start = (name: string) =>
      withStartupLock(
        url,
        async () => {
          events.push(`${name} in`);
          await sleep(300);
          events.push(`${name} out`);
        },
        () => waits++,
      );
    await Promise.all([start("a"), start("b")]);
    expect(events).toHaveLength(4);
    // Never both inside: each "in" is followed by its own "out".
    expect(events[1]).toBe(events[0]?.replace("in", "out"));
    expect(events[3]).toBe(events[2]?.replace("in", "out"));
    expect(waits).toBe(1);
    expect(existsSync(`${url.slice(5)}.startup-lock`)).toBe(false);
  });

  test("the lock is released when the work fails", async () => {
    const url = sqliteUrl();
    await expect(
      withStartupLock(url, async () => Promise.reject(new Error("migration failed"))),
    ).rejects.toThrow("migration failed");
    expect(await withStartupLock(url, async () => "next start ran")).toBe("next start ran");
  });

  test("a lock left by a server killed mid-start is taken over", async () => {
    const url = sqliteUrl();
    const lock = `${url.slice(5)}.startup-lock`;
    // A pid that has exited: a child that ran and ended.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    mkdirSync(lock, { recursive: true });
    writeFileSync(path.join(lock, "pid"), String(dead));
    let waits = 0;
    expect(
      await withStartupLock(
        url,
        async () => "ran",
        () => waits++,
      ),
    ).toBe("ran");
    expect(waits).toBe(0);
  });

  test("a lock held by a live process is waited for", async () => {
    const url = sqliteUrl();
    const lock = `${url.slice(5)}.startup-lock`;
    mkdirSync(lock, { recursive: true });
    writeFileSync(path.join(lock, "pid"), String(process.pid)); // alive: this process
    let waits = 0;
    let ran = false;
    const started = withStartupLock(
      url,
      async () => {
        ran = true;
      },
      () => waits++,
    );
    await sleep(500);
    expect(ran).toBe(false);
    expect(waits).toBe(1);
    rmSync(lock, { recursive: true, force: true });
    await started;
    expect(ran).toBe(true);
  });
});
