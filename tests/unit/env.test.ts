import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseProvider, postgresConnectionFromUrl } from "@/lib/db/url";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("gives every variable a working default", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.PORT).toBe(3000);
  });

  it("rejects a bad port with a message naming PORT", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrowError(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrowError(/PORT: must be a whole number/);
    expect(() => parseEnv({ PORT: "70000" })).toThrowError(/PORT: must be between 1 and 65535/);
  });

  it("rejects a database URL that is neither SQLite nor PostgreSQL, naming DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrowError(/DATABASE_URL: must be a file: URL/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://db.internal:5432" })).toThrowError(
      /PostgreSQL URL with a database name/,
    );
  });

  it("accepts PostgreSQL URLs and reads their parts as separate fields", () => {
    const url = "postgresql://lec%40tern:p%3Ass@db.internal:6543/lectern?sslmode=require&connection_limit=4";
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(databaseProvider(url)).toBe("postgresql");
    expect(databaseProvider("file:./x.db")).toBe("sqlite");
    expect(postgresConnectionFromUrl(url)).toEqual({
      host: "db.internal",
      port: 6543,
      user: "lec@tern",
      password: "p:ss",
      database: "lectern",
      ssl: { rejectUnauthorized: false },
      max: 4,
    });
    expect(() => postgresConnectionFromUrl("postgres://h:99999/x")).toThrow();
  });

  it("rejects a short secret and names every bad variable at once", () => {
    try {
      parseEnv({ LECTERN_SECRET: "short", SITE_URL: "not a url" });
      expect.unreachable();
    } catch (error) {
      const e = error as EnvError;
      expect(e.issues.map((i) => i.variable).sort()).toEqual(["LECTERN_SECRET", "SITE_URL"]);
      expect(e.message).toContain("LECTERN_SECRET: must be at least 32 characters");
    }
  });

  it("treats an empty secret as unset", () => {
    expect(parseEnv({ LECTERN_SECRET: "" }).LECTERN_SECRET).toBeUndefined();
  });

  it("sends mail to the outbox by default and validates the SMTP settings with messages naming them", () => {
    const defaults = parseEnv({});
    expect(defaults.SMTP_URL).toBeUndefined();
    expect(defaults.MAIL_DIGEST_MINUTES).toBe(60);
    const smtp = parseEnv({
      SMTP_URL: "smtps://u:p@smtp.example.org:465",
      MAIL_FROM: "Lectern <no-reply@example.org>",
    });
    expect(smtp.SMTP_URL).toBe("smtps://u:p@smtp.example.org:465");
    expect(() => parseEnv({ SMTP_URL: "smtp.example.org" })).toThrowError(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\//,
    );
    expect(() => parseEnv({ SMTP_URL: "smtp://smtp.example.org" })).toThrowError(
      /MAIL_FROM: is required when SMTP_URL is set/,
    );
    expect(() => parseEnv({ MAIL_FROM: "two@example.org, addresses@example.org" })).toThrowError(
      /MAIL_FROM: must be one address/,
    );
    expect(() => parseEnv({ MAIL_DIGEST_MINUTES: "0" })).toThrowError(
      /MAIL_DIGEST_MINUTES: must be between 1 and 1440/,
    );
    expect(() => parseEnv({ MAIL_DIGEST_MINUTES: "1.5" })).toThrowError(
      /MAIL_DIGEST_MINUTES: must be a whole number/,
    );
    expect(parseEnv({ MAIL_DIGEST_MINUTES: "15", SMTP_URL: "" }).MAIL_DIGEST_MINUTES).toBe(15);
  });
});

describe("test configuration through the environment", () => {
  it("scales rate limits only upwards, and refuses a scale that is not a number", () => {
    expect(parseEnv({}).LECTERN_RATE_LIMIT_SCALE).toBe(1);
    expect(parseEnv({ LECTERN_RATE_LIMIT_SCALE: "20" }).LECTERN_RATE_LIMIT_SCALE).toBe(20);
    expect(parseEnv({ LECTERN_RATE_LIMIT_SCALE: "" }).LECTERN_RATE_LIMIT_SCALE).toBe(1);
    expect(() => parseEnv({ LECTERN_RATE_LIMIT_SCALE: "lots" })).toThrowError(/LECTERN_RATE_LIMIT_SCALE/);
    expect(() => parseEnv({ LECTERN_RATE_LIMIT_SCALE: "0.5" })).toThrowError(/LECTERN_RATE_LIMIT_SCALE/);
  });

  it("reads the content folder and the build folder when set", () => {
    const e = parseEnv({ LECTERN_CONTENT_DIR: "/srv/courses", LECTERN_DIST_DIR: ".next-test" });
    expect(e.LECTERN_CONTENT_DIR).toBe("/srv/courses");
    expect(e.LECTERN_DIST_DIR).toBe(".next-test");
  });
});

describe("the test clock", () => {
  const file = "/tmp/lectern-e2e/clock-9100";

  it("is refused by a production server unless a test launcher also sets LECTERN_TEST_SERVER=yes", () => {
    expect(() => parseEnv({ NODE_ENV: "production", LECTERN_TEST_CLOCK_FILE: file })).toThrowError(
      /LECTERN_TEST_CLOCK_FILE: moves the server's clock for tests and is refused in production/,
    );
    expect(() =>
      parseEnv({ NODE_ENV: "production", LECTERN_TEST_CLOCK_FILE: file, LECTERN_TEST_SERVER: "1" }),
    ).toThrowError(/LECTERN_TEST_SERVER/);
    const e = parseEnv({ NODE_ENV: "production", LECTERN_TEST_CLOCK_FILE: file, LECTERN_TEST_SERVER: "yes" });
    expect(e.LECTERN_TEST_CLOCK_FILE).toBe(file);
  });

  it("is allowed in development and tests, and off when unset", () => {
    expect(parseEnv({ NODE_ENV: "test", LECTERN_TEST_CLOCK_FILE: file }).LECTERN_TEST_CLOCK_FILE).toBe(file);
    expect(parseEnv({ NODE_ENV: "production" }).LECTERN_TEST_CLOCK_FILE).toBeUndefined();
  });
});
