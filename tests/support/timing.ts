/**
 * Times `work` for a test that bounds how long it may take (the grader, the comment renderer),
 * without the test failing because the machine stalled once: on two cores shared with a build, a
 * few milliseconds of work can read a second on the wall clock (CI's did, in stop 27). Work that
 * reads `limitMs` or more is run again, up to `tries` runs in all, and the fastest run is the
 * figure: slow work is slow every time, a stall comes once. The result is the last run's.
 */
export function timeBounded<T>(work: () => T, limitMs: number, tries = 3): { result: T; fastestMs: number } {
  let fastestMs = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let run = 0; run < tries && fastestMs >= limitMs; run++) {
    const start = performance.now();
    result = work();
    fastestMs = Math.min(fastestMs, performance.now() - start);
  }
  return { result, fastestMs };
}
