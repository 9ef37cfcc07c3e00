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

/**
 * Writes: `clients` concurrent clients, each with its own cookie jar, sending one request
 * after another for `seconds`. `request(client, n)` builds each request body. With several
 * URLs (one per app server) each client's requests alternate between them, as a round-robin
 * load balancer would send them.
 */
export async function loadWrite(
  name: string,
  url: string | string[],
  cookies: (string | null)[],
  body: (client: number, n: number) => unknown,
  seconds = 10,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const jars = [...cookies];
  const urls = Array.isArray(url) ? url : [url];
  await Promise.all(
    jars.map(async (_, client) => {
      for (let n = 0; Date.now() < end; n++) {
        const t0 = performance.now();
        try {
          const res = await fetch(urls[(client + n) % urls.length]!, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(jars[client] ? { cookie: jars[client]! } : {}),
            },
            body: JSON.stringify(body(client, n)),
            // A request that never ends counts as an error instead of stalling the benchmark.
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          const set = res.headers.get("set-cookie");
          if (set?.startsWith("lectern_learner=")) jars[client] = set.split(";")[0]!;
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / seconds),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}
