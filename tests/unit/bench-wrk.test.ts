// The bench's reading of wrk's output (scripts/bench/wrk.ts): an nginx row once printed p99 NaN.
import { describe, expect, it } from "vitest";
import { parseWrk } from "../../scripts/bench/wrk";

const output = (stdev: string) => `Running 8s test @ http://127.0.0.1:8080/courses/docker/multi-stage-builds
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.31ms    1.10ms  41.20ms   ${stdev}
    Req/Sec    23.80k     2.10k   30.12k    71.25%
  Latency Distribution
     50%    1.24ms
     75%    1.61ms
     90%    2.20ms
     99%    5.87ms
  378694 requests in 8.00s, 11.21GB read
Requests/sec:  47332.48
Transfer/sec:      1.40GB
`;

describe("wrk's output", () => {
  it("takes the percentiles from the latency distribution, whatever the stdev column says", () => {
    for (const stdev of ["82.99%", "99.50%", "50%", "75.00%"])
      expect(parseWrk(output(stdev))).toEqual({ rps: 47332, p50: 1.24, p99: 5.87, errors: 0 });
  });

  it("reads seconds and microseconds, and counts socket errors and non-2xx answers", () => {
    const slow = output("90.00%")
      .replace("5.87ms", "1.02s")
      .replace("1.24ms", "512.00us")
      .replace(
        "Requests/sec",
        "  Socket errors: connect 0, read 3, write 0, timeout 2\n  Non-2xx or 3xx responses: 4\nRequests/sec",
      );
    expect(parseWrk(slow)).toEqual({ rps: 47332, p50: 0.512, p99: 1020, errors: 9 });
  });
});
