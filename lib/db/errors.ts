/**
 * True when a Prisma call failed on a unique constraint (P2002). Checked by shape, not with
 * `instanceof`: the SQLite and PostgreSQL clients are two generated packages, each with its
 * own error classes.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "PrismaClientKnownRequestError" &&
    (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * True when a transaction lost a serialization race and may simply run again: Prisma's P2034, or
 * the driver adapter's TransactionWriteConflict (SQLSTATE 40001), which surfaces as is when
 * PostgreSQL refuses the COMMIT itself.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; cause?: { kind?: unknown; originalCode?: unknown } };
  return (
    e.code === "P2034" ||
    e.cause?.kind === "TransactionWriteConflict" ||
    e.cause?.originalCode === "40001" ||
    e.cause?.originalCode === "40P01"
  );
}
