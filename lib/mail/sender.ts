// The mail sender: a loop inside the app server that hands due messages to the transport and
// runs the digest jobs. Everything it works on lives in the database, so it can stop at any
// moment (SIGTERM, a crash) and this or another server carries on where it left off.
import { hostname } from "node:os";
import { claimDue, markFailed, markSent, releaseLeases } from "./queue";
import { isPermanentFailure, type MailTransport } from "./transport";

/** Periodic work beside delivery (the digests). */
export type SenderJob = {
  name: string;
  everyMs: number;
  /** Also runs at a wake (something happened here that it may have to tell someone about). */
  onWake?: boolean;
  run: (now: Date) => Promise<unknown>;
};

/**
 * How long a wake waits for the wakes that follow it: a burst of comments (one wake each) is
 * one round of the sender, not a round per comment, and rounds under load are this far apart.
 */
export const WAKE_COALESCE_MS = 250;

export type MailSenderOptions = {
  transport: MailTransport;
  /** Names this process in leases; unique per process. */
  owner?: string;
  jobs?: SenderJob[];
  /** How often to look for due mail when nothing wakes the sender. */
  pollMs?: number;
  /** How long a claim lasts; far longer than one SMTP conversation may take (its timeouts). */
  leaseMs?: number;
  batchSize?: number;
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** Wait before attempt n + 1 after n failures. */
  backoffMs?: (failures: number) => number;
  now?: () => Date;
  log?: (line: string) => void;
};

/** 30 s, 1 min, 2 min, … capped at an hour, with ±20% jitter so servers do not retry in step. */
export function defaultBackoff(failures: number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export type MailSender = {
  start: () => void;
  /** Stops polling, waits for the round in progress (at most `waitMs`), releases unsent claims. */
  stop: (waitMs?: number) => Promise<void>;
  /** Runs one round now: delivers everything due, then the jobs that are due. */
  runOnce: () => Promise<{ sent: number; failed: number }>;
  /**
   * Asks for a round within WAKE_COALESCE_MS, the jobs marked `onWake` included (mail or
   * notifications were queued here). Wakes in that window, or during a round, share one round.
   */
  wake: () => void;
};

/** Creates a sender; nothing runs until start() (or runOnce() in tests). */
export function createMailSender(options: MailSenderOptions): MailSender {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const pollMs = options.pollMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = options.backoffMs ?? defaultBackoff;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const lastRun = new Map<string, number>();

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<{ sent: number; failed: number }> | undefined;
  let again = false;
  /** When the timer now set fires: a wake never moves a sooner round later. */
  let dueAt = Number.POSITIVE_INFINITY;
  let stopped = true;
  let halting = false;

  async function deliverDue(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const batch = await claimDue(owner, now(), leaseMs, batchSize);
      if (batch.length === 0) break;
      for (const mail of batch) {
        // Stopping: leave the rest of the batch for releaseLeases to hand back.
        if (halting) return { sent, failed };
        try {
          await options.transport.send(mail);
        } catch (error) {
          failed++;
          const failures = mail.attempts + 1;
          const permanent = isPermanentFailure(error);
          const retry = permanent || failures >= maxAttempts ? null : backoff(failures);
          const message = error instanceof Error ? error.message : String(error);
          await markFailed(mail.id, owner, message, now(), retry);
          log(
            `✖ mail ${mail.id} (${mail.kind}) not sent, attempt ${failures}: ${message}${retry === null ? " — giving up" : ` — retrying in ${Math.round(retry / 1000)} s`}`,
          );
          continue;
        }
        sent++;
        if (!(await markSent(mail, owner, options.transport.name, now())))
          log(`! mail ${mail.id} was sent after its lease ran out; another sender may also send it`);
      }
    }
    return { sent, failed };
  }

  async function runJobs(): Promise<void> {
    for (const job of options.jobs ?? []) {
      const t = now().getTime();
      if (t - (lastRun.get(job.name) ?? 0) < job.everyMs) continue;
      lastRun.set(job.name, t);
      try {
        await job.run(now());
      } catch (error) {
        log(`✖ mail job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async function round(): Promise<{ sent: number; failed: number }> {
    const first = await deliverDue();
    await runJobs();
    // Jobs queue digests: send them in the same round.
    const second = await deliverDue();
    return { sent: first.sent + second.sent, failed: first.failed + second.failed };
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    dueAt = Date.now() + delay;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  function tick() {
    dueAt = Number.POSITIVE_INFINITY;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error) => {
        log(`✖ mail sender round failed: ${error instanceof Error ? error.message : String(error)}`);
        return { sent: 0, failed: 0 };
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule(WAKE_COALESCE_MS);
        } else schedule(pollMs);
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      halting = false;
      schedule(0);
    },
    async stop(waitMs = 5_000) {
      stopped = true;
      halting = true;
      clearTimeout(timer);
      timer = undefined;
      if (running) await Promise.race([running, new Promise((r) => setTimeout(r, waitMs).unref?.())]);
      await releaseLeases(owner).catch(() => 0);
      options.transport.close();
    },
    async runOnce() {
      if (running) await running;
      return round();
    },
    wake() {
      if (stopped) return;
      // Something happened here (a comment, a queued mail): the digests look at the next round.
      for (const job of options.jobs ?? []) if (job.onWake) lastRun.delete(job.name);
      if (running) again = true;
      else if (dueAt > Date.now() + WAKE_COALESCE_MS) schedule(WAKE_COALESCE_MS);
    },
  };
}
