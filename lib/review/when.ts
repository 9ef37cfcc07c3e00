const DAY = 86_400_000;

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

/** The day a card is due, as /review writes it: "Tue 8 December" (UTC, the server's day). */
export const dueDay = (due: Date): string => dateFormat.format(due);

/**
 * When a card is due, from `at`, as a person says it: "now", "in 5 hours", "tomorrow", "in 3 days
 * (Thu 10 December)". Dates are UTC, the server's day.
 */
export function dueText(due: Date, at: Date): string {
  const ms = due.getTime() - at.getTime();
  if (ms <= 0) return "now";
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  // Cards are scheduled in whole days from the moment of an answer, so one due a day after it
  // is "tomorrow" even a few minutes later, not "in 24 hours".
  if (hours < 21) return hours === 1 ? "in about an hour" : `in ${hours} hours`;
  const days = Math.max(1, Math.round(ms / DAY));
  return `${days === 1 ? "tomorrow" : `in ${days} days`} (${dueDay(due)})`;
}
