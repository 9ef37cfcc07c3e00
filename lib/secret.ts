import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SECRET_SETTING } from "@/lib/secret-setting";

let cached: Promise<string> | undefined;

/**
 * The secret that signs learner cookies: LECTERN_SECRET when set, else the one the seed
 * generated and stored in the database (so it survives restarts and is shared by every
 * app server on the same database).
 */
export function getSecret(): Promise<string> {
  cached ??= (async () => {
    const fromEnv = env().LECTERN_SECRET;
    if (fromEnv) return fromEnv;
    const row = await db.setting.findUnique({ where: { key: SECRET_SETTING }, select: { value: true } });
    if (!row) throw new Error("No cookie secret: set LECTERN_SECRET or run the seed (npm start does)");
    return row.value;
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
