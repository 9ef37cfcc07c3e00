// The mail queue and sender against a real database and a real SMTP server, once per provider
// (`npm test` repeats db-*.test.ts on PostgreSQL): SMTP going down mid-delivery and coming back,
// two senders on one queue, a sender that dies holding claims, and shutdown.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

let database: TestDatabase;
let smtp: TestSmtp;
let db: typeof import("@/lib/db").db;
let queue: typeof import("@/lib/mail/queue");
let sender: typeof import("@/lib/mail/sender");
let transport: typeof import("@/lib/mail/transport");

const SITE = "https://lectern.test";
const FROM = "Lectern <no-reply@lectern.test>";

beforeAll(async () => {
  database = await migratedTestDatabase("mail");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  queue = await import("@/lib/mail/queue");
  sender = await import("@/lib/mail/sender");
  transport = await import("@/lib/mail/transport");
  smtp = await startTestSmtp();
}, 60_000);

afterAll(async () => {
  await smtp?.stop();
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(async () => {
  clock = Date.now() + 1000;
  await db.mailMessage.deleteMany();
  smtp.messages.length = 0;
  smtp.refuseNext(0);
  await smtp.start(); // after a test that left it down
});

const mail = (i: number, extra: Partial<import("@/lib/mail/queue").NewMail> = {}) => ({
  kind: "digest" as const,
  to: `learner${i}@example.test`,
  subject: `Message ${i}`,
  text: `Body ${i}`,
  html: `<p>Body ${i}</p>`,
  ...extra,
});

// The senders' clock: retries wait a minute of it, and tests move it on, so a busy machine
// cannot turn one round into several attempts.
let clock = Date.now();
const later = (ms: number) => {
  clock += ms;
};
/** Queues `count` messages; the senders' clock stays past them however slowly they went in. */
async function enqueueMany(count: number) {
  for (let i = 0; i < count; i++) await queue.enqueueMail(mail(i));
  clock = Math.max(clock, Date.now() + 1000);
}

const newSender = (owner: string, options: Partial<import("@/lib/mail/sender").MailSenderOptions> = {}) =>
  sender.createMailSender({
    owner,
    transport: transport.smtpTransport(smtp.url, FROM, SITE),
    backoffMs: () => 60_000,
    now: () => new Date(clock),
    log: () => {},
    ...options,
  });

/** Each queued id arrived exactly once (Message-ID carries the row id). */
async function expectEachDeliveredOnce(count: number) {
  const rows = await db.mailMessage.findMany({ select: { id: true, status: true, transport: true } });
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r.status === "sent" && r.transport === "smtp")).toBe(true);
  const ids = smtp.messages.map((m) => m.messageId);
  expect(ids).toHaveLength(count);
  expect(new Set(ids).size).toBe(count);
  expect(new Set(ids)).toEqual(new Set(rows.map((r) => `<${r.id}@lectern.test>`)));
}

describe(`mail queue on ${TEST_PROVIDER}`, () => {
  it("delivers every message exactly once when SMTP goes down mid-delivery and comes back", async () => {
    await enqueueMany(12);
    const s = newSender("server-a");
    // The fifth message is in transit when the server goes away; it is never acknowledged.
    smtp.goDownAfter(4);
    const first = await s.runOnce();
    expect(first.sent).toBe(4);
    expect(first.failed).toBe(8);
    const waiting = await db.mailMessage.findMany({
      where: { status: "pending" },
      select: { lastError: true },
    });
    expect(waiting.length).toBe(12 - first.sent);
    expect(waiting.every((w) => w.lastError)).toBe(true);

    // Still down: the next attempt fails again and loses nothing.
    later(61_000);
    expect(await s.runOnce()).toEqual({ sent: 0, failed: 8 });
    expect(await db.mailMessage.count({ where: { status: "pending", attempts: 2 } })).toBe(8);

    await smtp.start();
    later(61_000);
    expect(await s.runOnce()).toEqual({ sent: 8, failed: 0 });
    await expectEachDeliveredOnce(12);
  });

  it("retries a temporary refusal and gives up at once on a permanent one", async () => {
    const { id: retried } = await queue.enqueueMail(mail(1));
    smtp.refuseNext(1, 451);
    const s = newSender("server-a");
    await s.runOnce();
    expect(await db.mailMessage.findUnique({ where: { id: retried } })).toMatchObject({
      status: "pending",
      attempts: 1,
    });
    later(61_000);
    await s.runOnce();
    expect((await db.mailMessage.findUnique({ where: { id: retried } }))?.status).toBe("sent");

    const { id: never } = await queue.enqueueMail(mail(2));
    smtp.refuseNext(1, 550);
    await s.runOnce();
    const row = await db.mailMessage.findUnique({ where: { id: never } });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/Refused by the test/);
  });

  it("marks a message failed after its last attempt", async () => {
    const { id } = await queue.enqueueMail(mail(1));
    await smtp.stop();
    const s = newSender("server-a", { maxAttempts: 2 });
    await s.runOnce();
    later(61_000);
    await s.runOnce();
    expect(await db.mailMessage.findUnique({ where: { id } })).toMatchObject({
      status: "failed",
      attempts: 2,
    });
  });

  it("with two senders on one queue, sends each message once", async () => {
    await enqueueMany(20);
    const a = newSender("server-a", { batchSize: 3 });
    const b = newSender("server-b", { batchSize: 3 });
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    await expectEachDeliveredOnce(20);
  });

  it("takes over the claims of a sender that died once their lease runs out, and not before", async () => {
    await enqueueMany(3);
    const claimed = await queue.claimDue("dead-server", new Date(clock), 60_000, 10);
    expect(claimed).toHaveLength(3);
    const b = newSender("server-b");
    expect((await b.runOnce()).sent).toBe(0);
    later(61_000);
    expect((await b.runOnce()).sent).toBe(3);
    await expectEachDeliveredOnce(3);
  });

  it("stopping hands back what it claimed but did not send", async () => {
    await enqueueMany(3);
    expect(await queue.claimDue("stopping-server", new Date(clock), 60_000, 10)).toHaveLength(3);
    const stopping = newSender("stopping-server");
    await stopping.stop();
    expect(await db.mailMessage.count({ where: { leaseOwner: { not: null } } })).toBe(0);
    await newSender("server-b").runOnce();
    await expectEachDeliveredOnce(3);
  });

  it("blanks a one-time link once SMTP has the message; the outbox keeps it until it expires", async () => {
    const { id: mailed } = await queue.enqueueMail(
      mail(1, { sensitive: true, text: "Link: https://x/reset?token=abc" }),
    );
    await newSender("server-a").runOnce();
    expect(smtp.messages[0]?.parsed.text).toContain("token=abc");
    const row = await db.mailMessage.findUnique({ where: { id: mailed } });
    expect(row?.text).toBe(queue.REDACTED);
    expect(row?.html).toBe("");

    const logged: string[] = [];
    const { id: kept } = await queue.enqueueMail(
      mail(2, { sensitive: true, text: "Link: https://x/reset?token=def" }),
    );
    await newSender("server-a", {
      transport: transport.outboxTransport(false, (l) => logged.push(l)),
    }).runOnce();
    expect(await db.mailMessage.findUnique({ where: { id: kept } })).toMatchObject({
      status: "sent",
      transport: "outbox",
      text: "Link: https://x/reset?token=def",
    });
    expect(logged.join("\n")).not.toContain("token=def");
    expect(await queue.blankExpiredOutboxLinks(new Date(Date.now() + 5000))).toBe(1);
    expect((await db.mailMessage.findUnique({ where: { id: kept } }))?.text).toBe(queue.REDACTED);
  });

  it("a running sender picks up mail as soon as it is queued and stops cleanly", async () => {
    const s = newSender("server-live", { pollMs: 60_000 });
    queue.onMailQueued(() => s.wake());
    s.start();
    await queue.enqueueMail(mail(7));
    const got = await smtp.waitFor((m) => m.parsed.subject === "Message 7", 10_000);
    expect(got.parsed.from?.value).toEqual([{ name: "Lectern", address: "no-reply@lectern.test" }]);
    await s.stop();
    queue.onMailQueued(undefined);
  });
});

describe(`mail sender wakes on ${TEST_PROVIDER}`, () => {
  it("a burst of wakes (a comment each) runs one round, and only the jobs that run on a wake", async () => {
    const runs = { digests: 0, hourly: 0 };
    const s = newSender("server-burst", {
      pollMs: 60_000,
      jobs: [
        {
          name: "digests",
          everyMs: 60_000,
          onWake: true,
          run: async () => {
            runs.digests++;
            await new Promise((r) => setTimeout(r, 5));
          },
        },
        { name: "hourly", everyMs: 3_600_000, run: async () => void runs.hourly++ },
      ],
    });
    s.start();
    await expect.poll(() => runs.hourly, { timeout: 5000 }).toBe(1);
    await expect.poll(() => runs.digests).toBe(1);
    // 64 clients posting comments: a wake every 2 ms for 300 ms.
    for (let i = 0; i < 150; i++) {
      s.wake();
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, sender.WAKE_COALESCE_MS + 300));
    await s.stop();
    // One round for the burst, another at most for wakes that came in during it.
    expect(runs.digests - 1).toBeGreaterThanOrEqual(1);
    expect(runs.digests - 1).toBeLessThanOrEqual(2);
    // A job not asked for on a wake keeps its own schedule.
    expect(runs.hourly).toBe(1);
  });

  it("a wake is answered within its coalescing window, even while wakes keep coming", async () => {
    const s = newSender("server-steady", { pollMs: 60_000 });
    queue.onMailQueued(() => s.wake());
    s.start();
    const started = Date.now();
    let sentAt = 0;
    const keepWaking = setInterval(() => s.wake(), 20);
    await queue.enqueueMail(mail(9));
    await smtp.waitFor((m) => m.parsed.subject === "Message 9", 10_000);
    sentAt = Date.now();
    clearInterval(keepWaking);
    await s.stop();
    queue.onMailQueued(undefined);
    // Wakes every 20 ms must not push the round further and further away.
    expect(sentAt - started).toBeLessThan(sender.WAKE_COALESCE_MS + 2000);
  });
});
