const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** When a date is shown to admins: UTC, as the log writes it. */
export const formatUtc = (d: Date) => `${when.format(d)} UTC`;

/** A message's state in words: where it went, or when it is tried next. */
export function MailStatus(props: {
  status: string;
  transport: string | null;
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
}) {
  if (props.status === "sent")
    return (
      <span className="font-medium text-emerald-800 dark:text-emerald-300">
        {props.transport === "outbox" ? "In the outbox" : "Sent by SMTP"}
        {props.sentAt ? ` · ${formatUtc(props.sentAt)}` : ""}
      </span>
    );
  if (props.status === "failed")
    return (
      <span className="font-medium text-red-800 dark:text-red-300">
        Failed after {props.attempts} {props.attempts === 1 ? "attempt" : "attempts"}
      </span>
    );
  return (
    <span className="font-medium text-amber-800 dark:text-amber-300">
      Waiting
      {props.attempts > 0 ? ` · attempt ${props.attempts + 1} at ${formatUtc(props.nextAttemptAt)}` : ""}
    </span>
  );
}
