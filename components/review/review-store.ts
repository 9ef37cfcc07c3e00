"use client";

import { setVisitorData, useVisitorData } from "@/components/ui/visitor-data";
import type { ReviewStatus } from "@/lib/review/session";

const URL = "/api/learner/review";

/** This browser's review figures (due now, next due): one request per page, shared by every island. */
export function useReviewStatus() {
  return useVisitorData<ReviewStatus>(URL);
}

/** Shows figures the server already sent (the review page has them), without asking again. */
export function showReviewStatus(status: ReviewStatus): Promise<void> {
  return setVisitorData(URL, status);
}
