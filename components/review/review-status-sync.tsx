"use client";

import { useEffect } from "react";
import type { ReviewStatus } from "@/lib/review/session";
import { showReviewStatus } from "./review-store";

/** Hands the figures /review rendered to the header's count, so it follows each answer. */
export function ReviewStatusSync({ status }: { status: ReviewStatus }) {
  useEffect(() => {
    void showReviewStatus(status);
  }, [status]);
  return null;
}
