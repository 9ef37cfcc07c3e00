// `npm run publish` while learners are reading: the new build is made beside the running server,
// which switches to it only when it answers; every request during the build and the switch
// succeeds, pages already open can still load their scripts, and the new lesson text is served.
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer } from "./support/server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.LECTERN_E2E_PORT ?? 3100) + 500;
const MARKER = "This paragraph was published while the server kept serving.";
const LESSON = "/courses/docker/what-is-docker";
/** Between one loop's requests. */
const PAUSE_MS = 100;

type Outcome = { path: string; status: number | string; marker: boolean; retried?: string };

/**
 * How long a kept-alive connection may sit idle before the server may close it: Node's default
 * keepAliveTimeout (5 s, announced as `Keep-Alive: timeout=5`) less the second Node's own agent
 * allows for the close to arrive.
 */
const SERVER_MAY_CLOSE_IDLE_MS = 4_000;
/** When each kept-alive socket last went back to its agent's pool. */
const idleSince = new WeakMap<object, number>();
/** Requests sent on a kept-alive connection the server was free to close by then. */
let lateReuses = 0;

/**
 * GET over a keep-alive agent (reused connections, the case draining must get right) or a fresh one.
 * Like a browser, it sends an idempotent request once more when a connection it reused after the
 * server's keep-alive timeout was reset: the server closed it as the request went out, a race in
 * HTTP/1.1 itself (Node's docs, `request.reusedSocket`), on any server, switching or not. Any
 * other failure counts: a reset on a fresh connection, or on one idle for less than that timeout.
 */
function get(url: string, agent: http.Agent | false, retry = true): Promise<Outcome> {
  const target = new URL(url);
  return new Promise((resolve) => {
    let idle = 0;
    const req = http.get(url, { agent, timeout: 30_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () =>
        resolve({ path: target.pathname, status: res.statusCode ?? 0, marker: body.includes(MARKER) }),
      );
      res.on("error", (e) => resolve({ path: target.pathname, status: e.message, marker: false }));
    });
    req.on("socket", (socket) => {
      idle = req.reusedSocket ? Date.now() - (idleSince.get(socket) ?? Date.now()) : 0;
      if (idle >= SERVER_MAY_CLOSE_IDLE_MS) lateReuses++;
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (retry && req.reusedSocket && e.code === "ECONNRESET" && idle >= SERVER_MAY_CLOSE_IDLE_MS) {
        const why = `${e.code} on a connection idle ${idle} ms`;
        void get(url, agent, false).then((o) => resolve({ ...o, retried: why }));
        return;
      }
      const on = req.reusedSocket ? `a connection reused after ${idle} ms idle` : "a new connection";
      resolve({ path: target.pathname, status: `${e.message} on ${on}`, marker: false });
    });
  });
}

test("npm run publish switches a running server to a new build without a failed request", async () => {
  test.setTimeout(15 * 60_000);
  // Its own SQLite file and a copy of the courses to edit; publishing touches neither database
  // provider differently, so this spec runs once (untagged).
  const scratch = mkdtempSync(path.join(tmpdir(), "lectern-publish-"));
  const databaseUrl = `file:${path.join(scratch, "lectern-e2e-publish.db")}`;
  const content = path.join(scratch, "courses");
  cpSync(path.join(ROOT, "content/courses"), content, { recursive: true });
  const env = { LECTERN_CONTENT_DIR: content };
  const server = await startServer(port, databaseUrl, env);
  const base = server.url;
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 4 });
  keepAlive.on("free", (socket) => idleSince.set(socket, Date.now()));
  try {
    const home = await (await fetch(base)).text();
    const script = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
    expect(script, "the home page loads a script from the build").toBeTruthy();
    expect((await get(`${base}${LESSON}`, false)).marker).toBe(false);

    // Learners keep reading: four loops on reused connections, two on new ones, each a request
    // every PAUSE_MS or so. Unpaced, the loops took most of the CPU the build needed: on two cores
    // the build and switch took 10.8 minutes, 58,926 requests. Paced, a request still starts
    // every ~20 ms across the loops, and the kept-alive connections sit idle between requests,
    // which is when a server closing them during the switch would fail the next one.
    const outcomes: Outcome[] = [];
    let running = true;
    const paths = [LESSON, "/", "/api/health", "/courses/docker", "/favicon.ico"];
    const loops = Array.from({ length: 6 }, async (_, n) => {
      for (let i = n; running; i++) {
        outcomes.push(await get(`${base}${paths[i % paths.length]}`, n < 4 ? keepAlive : false));
        await new Promise((r) => setTimeout(r, PAUSE_MS));
      }
    });

    appendFileSync(path.join(content, "docker/01-what-is-docker.mdx"), `\n${MARKER}\n`);
    const publish = spawn(process.execPath, ["--import", "tsx", "scripts/publish.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    publish.stdout.on("data", (d) => {
      output += d;
    });
    publish.stderr.on("data", (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((resolve) => publish.on("exit", resolve));
    expect(code, output).toBe(0);
    expect(output).toMatch(/Published in .*: port \d+ now serves \.next-publish-/);
    // A little longer under load on the new build alone, then stop.
    await new Promise((r) => setTimeout(r, 2_000));
    running = false;
    await Promise.all(loops);

    const failed = outcomes.filter((o) => o.status !== 200);
    expect(failed, `${failed.length} of ${outcomes.length} requests failed`).toEqual([]);
    // Resent after the keep-alive race: rare, as in any client's life.
    const retried = outcomes.filter((o) => o.retried);
    expect(retried.length, JSON.stringify(retried)).toBeLessThanOrEqual(outcomes.length / 100);
    expect(outcomes.length).toBeGreaterThan(100);
    const lessons = outcomes.filter((o) => o.path === LESSON);
    // Served by the old build first, by the new one at the end, never a mix after the switch.
    expect(lessons[0]?.marker).toBe(false);
    expect(lessons.at(-1)?.marker).toBe(true);
    const firstNew = lessons.findIndex((o) => o.marker);
    const lastOld = lessons.findLastIndex((o) => !o.marker);
    expect(lastOld - firstNew, "old and new builds overlap only briefly").toBeLessThan(lessons.length / 2);
    expect((await get(`${base}${LESSON}`, false)).marker).toBe(true);
    // A page opened before the switch still gets its scripts.
    expect((await get(`${base}${script}`, false)).status).toBe(200);
    expect(server.output()).toMatch(/Now serving \.next-publish-/);
    const switched = /switched in (\d+) ms/.exec(server.output())?.[1];
    console.log(
      `publish: ${outcomes.length} requests during the build and switch, none failed` +
        ` (${retried.length} resent after a kept-alive connection's idle close:` +
        ` ${retried.map((o) => `${o.path} ${o.retried}`).join("; ") || "none"};` +
        ` ${lateReuses} sent on a connection idle ${SERVER_MAY_CLOSE_IDLE_MS} ms or more); switch ${switched} ms`,
    );
  } finally {
    keepAlive.destroy();
    expect(await server.stop("SIGTERM")).toBe(0);
    for (const entry of readdirSync(ROOT))
      if (entry.startsWith(`.next-publish-${port}-`))
        rmSync(path.join(ROOT, entry), { recursive: true, force: true });
    rmSync(path.join(ROOT, ".lectern", `published-${port}.json`), { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
});
