import { currentLearnerId } from "@/lib/auth/identity";
import { reviewStatus } from "@/lib/review/session";

export const dynamic = "force-dynamic";

/** This browser's review figures for the header: cards due now and when the next one is. */
export async function GET() {
  return Response.json(await reviewStatus(await currentLearnerId()), {
    headers: { "Cache-Control": "private, no-store" },
  });
}
