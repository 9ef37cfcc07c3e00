import { itemAnalysisCsv } from "@/lib/instructor/csv";
import { staffCsvResponse } from "@/lib/instructor/export";
import { itemAnalysis } from "@/lib/instructor/item-analysis";

export const dynamic = "force-dynamic";

/** The quiz item analysis as CSV: 401 signed out, 404 for learners, no data either way. */
export async function GET() {
  return staffCsvResponse("quiz-item-analysis", async () =>
    itemAnalysisCsv((await itemAnalysis()).flatMap((c) => c.reports)),
  );
}
