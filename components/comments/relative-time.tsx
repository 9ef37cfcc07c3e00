"use client";

import { useEffect, useState } from "react";

// Made on first use, not when the module loads: building a date format costs ~100 ms of a phone's
// main thread, and every lesson page loads this module (its discussion) whether or not a comment
// is ever shown (decision 036).
let formats: { exact: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat } | undefined;
function dateFormats() {
  formats ??= {
    exact: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" }),
    relative: new Intl.RelativeTimeFormat("en", { numeric: "auto" }),
  };
  return formats;
}
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

function relativeLabel(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return dateFormats().relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** "3 hours ago", with the exact time on hover and keyboard focus (and for screen readers). */
export function RelativeTime({ iso, bare = false }: { iso: string; bare?: boolean }) {
  const date = new Date(iso);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const full = dateFormats().exact.format(date);
  return (
    <time
      dateTime={iso}
      title={full}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can reveal the exact time
      tabIndex={0}
      className={bare ? "" : "text-[var(--fg-muted)]"}
    >
      {now === null ? full : relativeLabel(date, now)}
      {now === null ? null : <span className="sr-only"> ({full})</span>}
    </time>
  );
}
