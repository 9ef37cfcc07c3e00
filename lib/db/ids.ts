import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id for rows written with raw SQL, in the shape of Prisma's `cuid()` default (25
 * lowercase letters and digits, starting with "c", time first), so rows written either way
 * sort and validate alike.
 */
export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const random = randomBytes(12).reduce((s, b) => s + (b % 36).toString(36), "");
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
