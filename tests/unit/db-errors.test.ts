import { describe, expect, it } from "vitest";
import { isUniqueViolation, isWriteConflict } from "@/lib/db/errors";

class PrismaClientKnownRequestError extends Error {
  name = "PrismaClientKnownRequestError";
  constructor(public code: string) {
    super(code);
  }
}

describe("database errors recognised by shape (two generated clients, two error classes)", () => {
  it("a unique violation is P2002 from either client", () => {
    expect(isUniqueViolation(new PrismaClientKnownRequestError("P2002"))).toBe(true);
    expect(isUniqueViolation(new PrismaClientKnownRequestError("P2025"))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("x"), { code: "P2002" }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it("a serialization failure may be retried, whether Prisma or the pg adapter reports it", () => {
    expect(isWriteConflict(new PrismaClientKnownRequestError("P2034"))).toBe(true);
    const adapter = Object.assign(new Error("TransactionWriteConflict"), {
      cause: { kind: "TransactionWriteConflict", originalCode: "40001" },
    });
    expect(isWriteConflict(adapter)).toBe(true);
    expect(isWriteConflict(Object.assign(new Error("deadlock"), { cause: { originalCode: "40P01" } }))).toBe(
      true,
    );
    expect(isWriteConflict(new PrismaClientKnownRequestError("P2002"))).toBe(false);
    expect(isWriteConflict("40001")).toBe(false);
  });
});
