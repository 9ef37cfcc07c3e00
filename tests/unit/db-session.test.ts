// The session read of every request (lib/auth/session.ts) against a real database, once per
// provider: its one-statement path answers exactly what better-auth's getSession answers, role
// read fresh, and leaves everything else (bad signature, expired, due for refresh, "don't remember
// me") to better-auth itself. Cookies come from better-auth's own sign-up.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] }),
}));

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let session: typeof import("@/lib/auth/session");
let auth: import("@/lib/auth/auth").Auth;

beforeAll(async () => {
  database = await migratedTestDatabase("session");
  process.env.DATABASE_URL = database.url;
  process.env.LECTERN_SECRET = "s".repeat(24) + randomUUID();
  ({ db } = await import("@/lib/db"));
  session = await import("@/lib/auth/session");
  auth = await (await import("@/lib/auth/auth")).getAuth();
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

/** A new account's cookie header, as better-auth signed it at sign-up. */
async function signUp(): Promise<{ cookie: string; userId: string }> {
  const { headers, response } = await auth.api.signUpEmail({
    body: { name: "Ada", email: `${randomUUID()}@example.test`, password: "correct horse battery" },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, userId: response.user.id };
}

/** getSessionUser for a request carrying `cookie` (a new request: nothing cached between calls). */
async function userFor(cookie: string) {
  requestHeaders = new Headers({ cookie });
  return session.getSessionUser();
}

const tokenOf = (cookie: string) => decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;

describe(`the session read on ${TEST_PROVIDER}`, () => {
  it("answers as better-auth does, in one statement, with the role as the database has it now", async () => {
    const { cookie, userId } = await signUp();
    const getSession = vi.spyOn(auth.api, "getSession");
    const fast = await userFor(cookie);
    expect(getSession).not.toHaveBeenCalled();
    getSession.mockRestore();
    const reference = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(fast).toEqual({
      id: reference!.user.id,
      name: reference!.user.name,
      email: reference!.user.email,
      emailVerified: reference!.user.emailVerified,
      role: "learner",
      createdAt: new Date(reference!.user.createdAt),
    });
    await db.user.update({ where: { id: userId }, data: { role: "admin", emailVerified: true } });
    expect(await userFor(cookie)).toMatchObject({ id: userId, role: "admin", emailVerified: true });
  });

  it("refuses a tampered, unsigned or foreign cookie, however it is changed", async () => {
    const { cookie, userId } = await signUp();
    const [name, value] = [cookie.split("=")[0]!, decodeURIComponent(cookie.split("=")[1]!)];
    const dot = value.lastIndexOf(".");
    // The signature's bytes, or null when it is not well-formed base64 (Node's decoder skips
    // characters outside the alphabet, so "…=" changed to "…>" would decode to the same bytes).
    const signatureBytes = (v: string) => {
      const signature = v.slice(v.lastIndexOf(".") + 1);
      return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(signature)
        ? Buffer.from(signature, "base64").toString("hex")
        : null;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: value.length - 1 }),
        fc.integer({ min: 1, max: 60 }),
        async (at, shift) => {
          const changed =
            value.slice(0, at) +
            String.fromCharCode(((value.charCodeAt(at) - 32 + shift) % 94) + 32) +
            value.slice(at + 1);
          fc.pre(changed !== value);
          const header = `${name}=${encodeURIComponent(changed)}`;
          const user = await userFor(header);
          // Whatever the change, the answer is better-auth's own for that cookie.
          const reference = await auth.api.getSession({ headers: new Headers({ cookie: header }) });
          expect(user?.id ?? null).toBe(reference?.user.id ?? null);
          // A changed token is nobody. A changed signature is nobody too, unless it is still
          // base64 that decodes to the same bytes (the last character before "=" has two bits
          // that carry nothing, and better-auth compares the decoded signature): then it is the
          // same signed cookie. A changed "=" is not base64 any more (found by this property).
          if (at < dot || signatureBytes(changed) !== signatureBytes(value)) expect(user).toBeNull();
          else expect(user?.id).toBe(userId);
        },
      ),
      // The signature's last two characters (its last data character and its "=", each found by
      // this property in a run), each shift.
      {
        numRuns: 40,
        examples: [value.length - 2, value.length - 1].flatMap((at) =>
          [1, 2, 3, 4].map((shift) => [at, shift] as [number, number]),
        ),
      },
    );
    // No signature at all: nobody.
    expect(await userFor(`${name}=${tokenOf(cookie)}`)).toBeNull();
  });

  it("leaves an expired session to better-auth, which refuses it and deletes it", async () => {
    const { cookie } = await signUp();
    const token = tokenOf(cookie);
    await db.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFor(cookie)).toBeNull();
    expect(await db.session.findUnique({ where: { token } })).toBeNull();
  });

  it("leaves a session due for its daily refresh to better-auth, which moves its expiry", async () => {
    const { cookie, userId } = await signUp();
    const token = tokenOf(cookie);
    const soon = new Date(Date.now() + 60 * 60 * 1000);
    await db.session.update({ where: { token }, data: { expiresAt: soon } });
    expect(await userFor(cookie)).toMatchObject({ id: userId });
    const after = await db.session.findUniqueOrThrow({ where: { token } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it("a session whose user is gone, or a signed-out one, reads as nobody", async () => {
    const { cookie, userId } = await signUp();
    await db.session.deleteMany({ where: { userId } });
    expect(await userFor(cookie)).toBeNull();
    const other = await signUp();
    await db.user.delete({ where: { id: other.userId } });
    expect(await userFor(other.cookie)).toBeNull();
  });
});
