import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("gives every variable a working default", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.PORT).toBe(3000);
  });

  it("rejects a bad port with a message naming PORT", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrowError(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrowError(/PORT: must be a whole number/);
    expect(() => parseEnv({ PORT: "70000" })).toThrowError(/PORT: must be between 1 and 65535/);
  });

  it("rejects a database URL that is not a file: URL, naming DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrowError(/DATABASE_URL: must be a file: URL/);
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
});
