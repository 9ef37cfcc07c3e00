// Values read with $queryRaw, as one type on both databases: SQLite hands back what the column
// stores (ISO text for dates, 0/1 for booleans), PostgreSQL typed values (Date, boolean, and
// bigint for counts).

/** A date column's value (Date, ISO text or epoch milliseconds) as a Date; null stays null. */
export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string | number);
}

/** A boolean column's value (true/false, 1/0, or "1"/"0") as a boolean. */
export function rawBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "true";
}

/** An integer column's value (number, bigint or numeric text) as a number; null stays null. */
export function rawInt(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
