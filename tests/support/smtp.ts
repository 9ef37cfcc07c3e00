// A real SMTP server in the test process (the smtp-server package): it receives what the app
// sends, parses each message (mailparser) and can go down and come back on the same port.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { raw: string; parsed: ParsedMail; messageId: string; to: string[] };

export type TestSmtp = {
  port: number;
  /** smtp://127.0.0.1:<port> (no TLS, no login), for SMTP_URL. */
  url: string;
  messages: Received[];
  /** Resolves with the first message (received so far or later) that matches. */
  waitFor: (match: (m: Received) => boolean, timeoutMs?: number) => Promise<Received>;
  /** Answers the next `n` messages with `code` (451: try later; 550: never) after reading them. */
  refuseNext: (n: number, code?: number) => void;
  /**
   * Goes down while the message after the first `accepted` ones is in transit: that one is never
   * acknowledged (421, connection closed) and the server stops listening.
   */
  goDownAfter: (accepted: number) => void;
  /** Stops listening (new connections are refused) until start() again; start() on a running server does nothing. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

/** Starts the server on `port` (0: a free one, kept for restarts). */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const messages: Received[] = [];
  const waiters = new Set<() => void>();
  let refuse = 0;
  let refuseCode = 451;
  let goDownAt = -1;
  let server: SMTPServer | undefined;
  let boundPort = port;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (messages.length === goDownAt) {
            goDownAt = -1;
            void api.stop();
            callback(Object.assign(new Error("Shutting down"), { responseCode: 421 }));
            return;
          }
          if (refuse > 0) {
            refuse--;
            callback(Object.assign(new Error("Refused by the test"), { responseCode: refuseCode }));
            return;
          }
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          messages.push({
            raw,
            parsed,
            messageId: parsed.messageId ?? "",
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
          for (const wake of waiters) wake();
        });
      },
    });

  const api: TestSmtp = {
    port: 0,
    url: "",
    messages,
    refuseNext(n, code = 451) {
      refuse = n;
      refuseCode = code;
    },
    goDownAfter(accepted) {
      goDownAt = accepted;
    },
    async start() {
      if (server) return;
      server = create();
      await new Promise<void>((resolve, reject) => {
        server?.once("error", reject);
        server?.listen(boundPort, "127.0.0.1", () => resolve());
      });
      const address = server.server.address();
      boundPort = typeof address === "object" && address ? address.port : boundPort;
      api.port = boundPort;
      api.url = `smtp://127.0.0.1:${boundPort}`;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (!s) return;
      // End open sessions at once (the client sees its connection close), then stop listening.
      for (const connection of s.connections) connection.close();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (received ${messages.length})`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
  await api.start();
  return api;
}
