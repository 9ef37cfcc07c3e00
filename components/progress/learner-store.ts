"use client";

import { refetch, type Snapshot, useSharedFetch } from "@/components/ui/shared-fetch";
import type { CourseProgress } from "@/lib/progress/progress";

export type ProgressResponse = CourseProgress & { known: boolean };
export type ProgressSnapshot = Snapshot<ProgressResponse>;

const url = (course: string) => `/api/learner/progress?course=${encodeURIComponent(course)}`;

/** Fetches this browser's progress in a course again (after a write). */
export function refreshCourseProgress(course: string): Promise<void> {
  return refetch(url(course));
}

/** The learner's progress in `course`: one request per page, shared by every island. */
export function useCourseProgress(course: string): ProgressSnapshot {
  return useSharedFetch<ProgressResponse>(url(course));
}
