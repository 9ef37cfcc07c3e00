"use client";

import {
  refetchVisitorData,
  type Snapshot,
  setVisitorData,
  useVisitorData,
} from "@/components/ui/visitor-data";
import type { CourseProgress } from "@/lib/progress/course-progress";

export type ProgressResponse = CourseProgress & { known: boolean };
export type ProgressSnapshot = Snapshot<ProgressResponse>;

const url = (course: string) => `/api/learner/progress?course=${encodeURIComponent(course)}`;

/** Fetches this browser's progress in a course again (after a write). */
export function refreshCourseProgress(course: string): Promise<void> {
  return refetchVisitorData(url(course));
}

/** Shows the progress a write answered with, without asking again. */
export function showCourseProgress(course: string, progress: ProgressResponse): Promise<void> {
  return setVisitorData(url(course), progress);
}

/** The learner's progress in `course`: one request per page, shared by every island. */
export function useCourseProgress(course: string): ProgressSnapshot {
  return useVisitorData<ProgressResponse>(url(course));
}
