import path from "node:path";

/** The default database: the embedded SQLite file beside the schema. */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/**
 * Turns a `file:` DATABASE_URL into an absolute SQLite file path (relative paths are taken
 * from the project root, the working directory of every npm script). Throws on other schemes.
 */
export function sqliteFileFromUrl(url: string | undefined = DEFAULT_DATABASE_URL): string {
  const value = url || DEFAULT_DATABASE_URL;
  if (!value.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite (got "${value.split(":")[0]}:")`);
  }
  const file = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (file === ":memory:") return file;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
