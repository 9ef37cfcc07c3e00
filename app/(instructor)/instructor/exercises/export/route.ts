import { exerciseAnalysisCsv } from "@/lib/instructor/csv";
import { exerciseItemAnalysis } from "@/lib/instructor/exercise-item-analysis";
import { staffCsvResponse } from "@/lib/instructor/export";

export const dynamic = "force-dynamic";

/** The exercise item analysis as CSV: 401 signed out, 404 for learners, no data either way. */
export async function GET() {
  return staffCsvResponse("exercise-item-analysis", async () =>
    exerciseAnalysisCsv((await exerciseItemAnalysis()).flatMap((c) => c.reports)),
  );
}
