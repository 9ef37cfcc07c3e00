import type { Prisma } from "@/generated/prisma/client";
import { isWriteConflict } from "./errors";
import { db } from "./index";

export type Tx = Prisma.TransactionClient;

/**
 * Runs read-then-write work as one serializable transaction, retried (with jitter) when the
 * database aborts it for a concurrent conflict. SQLite serialises every write transaction
 * anyway; PostgreSQL's default READ COMMITTED would let two app servers read the same rows and
 * both write (merging one browser's progress into an account twice). Hot paths avoid it: under
 * contention PostgreSQL's predicate locks also abort unrelated transactions that share index
 * pages, so the quiz write locks its one progress row instead (lib/progress/progress.ts).
 */
export async function serializable<T>(work: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { isolationLevel: "Serializable", maxWait: 5000, timeout: 10_000 });
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
    }
  }
}
