import { readFileSync } from "node:fs";
import { env } from "@/lib/env";

// The one reading of "now" for anything that schedules (review cards). Real time, except on a
// server whose test launcher set LECTERN_TEST_CLOCK_FILE (lib/env.ts refuses it in production
// unless LECTERN_TEST_SERVER=yes comes with it): then the file says how many milliseconds the
// clock runs ahead. Nothing a request carries can move it: `now()` takes no argument, the file's
// path is fixed when the process starts, and only whoever runs the server can write the file.

/** The milliseconds the test clock file asks for: none when it is missing, empty or unreadable. */
export function clockOffset(text: string | null): number {
  const n = Number((text ?? "").trim() || "0");
  return Number.isSafeInteger(n) ? n : 0;
}

function readOffset(file: string): number {
  try {
    return clockOffset(readFileSync(file, "utf8"));
  } catch {
    return 0;
  }
}

/** The current time as the server schedules with it. */
export function now(): Date {
  const file = env().LECTERN_TEST_CLOCK_FILE;
  return new Date(Date.now() + (file ? readOffset(file) : 0));
}
