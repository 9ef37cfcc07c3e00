import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type WrkResult = { name: string; url: string; rps: number; p50: number; p99: number; errors: number };

/** Milliseconds from one of wrk's latency figures ("512.00us", "3.41ms", "1.02s"). */
function ms(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return Number.NaN;
  const value = Number(m[1]);
  return m[2] === "us" ? value / 1000 : m[2] === "s" ? value * 1000 : value;
}

/**
 * wrk (Debian's /usr/bin/wrk) against one URL: `connections` connections over 2 threads for
 * `seconds`, sending the headers a browser sends for a page (Accept-Encoding: br, gzip unless
 * told otherwise). wrk rather than autocannon: at nginx's rates autocannon, itself JavaScript,
 * measures its own limit.
 */
export async function wrk(
  name: string,
  url: string,
  { connections = 64, seconds = 8, encoding = "gzip, deflate, br" } = {},
): Promise<WrkResult> {
  const { stdout } = await run(
    "wrk",
    ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", "-H", `Accept-Encoding: ${encoding}`, url],
    { maxBuffer: 1 << 20 },
  );
  return { name, url, ...parseWrk(stdout) };
}

/** Throughput, median and 99th-percentile latency (ms) and errors from wrk's `--latency` output. */
export function parseWrk(stdout: string): Omit<WrkResult, "name" | "url"> {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
  const errors =
    Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0) +
    [...stdout.matchAll(/(?:connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  return {
    rps: Math.round(rps),
    // The distribution's own lines: "99%" also ends a "+/- Stdev" figure such as "82.99%".
    p50: ms(/^\s*50%\s+(\S+)/m.exec(stdout)?.[1] ?? ""),
    p99: ms(/^\s*99%\s+(\S+)/m.exec(stdout)?.[1] ?? ""),
    errors,
  };
}
