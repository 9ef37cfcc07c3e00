"use client";

import Link from "next/link";
import { useCourseProgress } from "./learner-store";

type LessonRef = { slug: string; title: string; part: number };

/** "Continue where you left off": the last lesson (and section) this browser visited. */
export function ContinueLink({ course, lessons }: { course: string; lessons: LessonRef[] }) {
  const { data } = useCourseProgress(course);
  const last = data?.last;
  const lesson = last ? lessons.find((l) => l.slug === last.lesson) : undefined;
  if (!last || !lesson) return null;
  const href = `/courses/${course}/${lesson.slug}${last.section ? `#${last.section}` : ""}`;
  return (
    <Link
      href={href}
      className="rounded-md border border-brand-600 px-4 py-2 text-sm font-medium text-brand-700 no-underline hover:bg-brand-50 dark:border-brand-300 dark:text-brand-300 dark:hover:bg-brand-700/20"
    >
      Continue where you left off: Part {lesson.part}, {lesson.title}
    </Link>
  );
}
