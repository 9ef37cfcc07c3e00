import { staffForRoute } from "@/lib/instructor/access";
import { exerciseAnalysisCsv } from "@/lib/instructor/csv";
import { exerciseItemAnalysis } from "@/lib/instructor/exercise-item-analysis";
import { consumeRateLimit } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** The exercise item analysis as CSV: 401 signed out, 404 for learners, no data either way. */
export async function GET() {
  const access = await staffForRoute();
  if ("response" in access) return access.response;
  const limited = await consumeRateLimit("instructorExport", access.user.id);
  if (!limited.ok) {
    return new Response("Too many exports; try again shortly.\n", {
      status: 429,
      headers: { "Retry-After": String(limited.retryAfterSeconds), "Cache-Control": "private, no-store" },
    });
  }
  const reports = (await exerciseItemAnalysis()).flatMap((c) => c.reports);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exerciseAnalysisCsv(reports), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lectern-exercise-item-analysis-${day}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
