import "server-only";
import { consumeRateLimit } from "@/lib/rate-limit";
import { staffForRoute } from "./access";

/**
 * A staff-only CSV download: 401 signed out, 404 for learners (no data either way), rate-limited
 * per instructor; `csv` runs only for staff. The file is named `lectern-<name>-<day>.csv`.
 */
export async function staffCsvResponse(name: string, csv: () => Promise<string>): Promise<Response> {
  const access = await staffForRoute();
  if ("response" in access) return access.response;
  const limited = await consumeRateLimit("instructorExport", access.user.id);
  if (!limited.ok) {
    return new Response("Too many exports; try again shortly.\n", {
      status: 429,
      headers: { "Retry-After": String(limited.retryAfterSeconds), "Cache-Control": "private, no-store" },
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await csv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lectern-${name}-${day}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
