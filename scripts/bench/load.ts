import http from "node:http";
import autocannon from "autocannon";

export type LoadResult = {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
};

/** Reads: autocannon against one URL with `connections` concurrent connections. */
export async function loadRead(
  name: string,
  url: string,
  connections = 64,
  seconds = 10,
): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds });
  return {
    name,
    requests: r.requests.total,
    errors: r.errors + r.non2xx,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Answer = { status: number; body: string; setCookie: string[] };

/** One request on the client's own keep-alive connection (node:http: far lighter than fetch). */
function send(
  agent: http.Agent,
  url: URL,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method,
        headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
        // A request that never ends counts as an error instead of stalling the benchmark.
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            setCookie: res.headers["set-cookie"] ?? [],
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

/** A write the server acknowledged (2xx): which client sent it, its body and the answer. */
export type Acknowledged = { client: number; body: unknown; answer: unknown };

export type WriteLoad = LoadResult & {
  /** The server's CPU time per measured request (ms), when a CPU reading was given. */
  cpuMsPerRequest: number | null;
  /** Every acknowledged write, in each client's order (for the "nothing lost" check). */
  acknowledged: Acknowledged[];
  /** Each client's cookies at the end (its anonymous learner, or its session). */
  cookies: (string | null)[];
};

/**
 * `clients` concurrent clients, each on its own keep-alive connection and with its own cookie
 * jar, sending one request after another for `seconds`. `body(client, n)` builds each JSON
 * body (POST); without it the clients GET the URL (the same client for reads, so a read and a
 * write figure from one run compare like with like). With several URLs (one per app server)
 * each client's requests alternate between them, as a round-robin load balancer sends them.
 */
export async function loadWrite(
  name: string,
  url: string | string[],
  cookies: (string | null)[],
  body?: (client: number, n: number) => unknown,
  seconds = 10,
  options: { warmupSeconds?: number; cpu?: () => number } = {},
): Promise<WriteLoad> {
  const latencies: number[] = [];
  const acknowledged: Acknowledged[] = [];
  let errors = 0;
  // The warm-up's requests load the route's code and fill caches: they count for "lost" (every
  // acknowledged write must be stored) but not in the figures.
  const warm = Date.now() + (options.warmupSeconds ?? 0) * 1000;
  const end = warm + seconds * 1000;
  const jars = [...cookies];
  const urls = (Array.isArray(url) ? url : [url]).map((u) => new URL(u));
  let started = performance.now();
  let cpuStart = options.cpu?.() ?? 0;
  const warmedUp =
    (options.warmupSeconds ?? 0) > 0
      ? new Promise<void>((resolve) =>
          setTimeout(() => {
            started = performance.now();
            cpuStart = options.cpu?.() ?? 0;
            resolve();
          }, warm - Date.now()),
        )
      : Promise.resolve();
  await Promise.all(
    jars.map(async (_, client) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let n = 0; Date.now() < end; n++) {
        const t0 = performance.now();
        const payload = body?.(client, n);
        const counted = Date.now() >= warm;
        try {
          const res = await send(
            agent,
            urls[(client + n) % urls.length]!,
            payload === undefined ? "GET" : "POST",
            {
              ...(payload === undefined ? {} : { "content-type": "application/json" }),
              ...(jars[client] ? { cookie: jars[client]! } : {}),
            },
            payload === undefined ? undefined : JSON.stringify(payload),
          );
          const learner = res.setCookie.find((c) => c.startsWith("lectern_learner="));
          if (learner) jars[client] = learner.split(";")[0]!;
          if (res.status < 200 || res.status > 299) {
            if (counted) errors++;
          } else if (payload !== undefined)
            acknowledged.push({ client, body: payload, answer: JSON.parse(res.body) as unknown });
        } catch {
          if (counted) errors++;
        }
        if (counted) latencies.push(performance.now() - t0);
      }
      agent.destroy();
    }),
  );
  await warmedUp;
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = options.cpu ? options.cpu() - cpuStart : null;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    cpuMsPerRequest: cpuMs === null ? null : Math.round((cpuMs / Math.max(1, latencies.length)) * 100) / 100,
    acknowledged,
    cookies: jars,
  };
}
