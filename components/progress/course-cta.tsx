"use client";

import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { courseStep } from "@/lib/progress/next-step";
import { useCourseProgress } from "./learner-store";

type LessonRef = { slug: string; part: number };

const LABEL = {
  start: (part: number) => `Start with Part ${part}`,
  continue: (part: number) => `Continue: Part ${part}`,
  review: () => "Review the course",
};

/**
 * The course page's main button, following the learner's progress: "Start with Part 1" for a
 * new learner, "Continue: Part N" once started, "Review the course" when every part is done. The
 * page stays prerendered; this island fills in the one learner's button.
 */
export function CourseCta({ course, lessons }: { course: string; lessons: LessonRef[] }) {
  const { status, data } = useCourseProgress(course);
  const first = lessons[0];
  if (!first) return null;
  const className = buttonClassName({ className: "inline-flex h-10 items-center text-sm" });
  if (status === "loading") {
    // Room for the button while the learner's progress loads; without JavaScript, the start.
    return (
      <>
        <span className="inline-block h-10 w-44" aria-hidden="true" />
        <noscript>
          <a href={`/courses/${course}/${first.slug}`} className={className}>
            {LABEL.start(first.part)}
          </a>
        </noscript>
      </>
    );
  }
  const step = courseStep(lessons, data) ?? { kind: "start" as const, lesson: first };
  const hash = step.kind === "continue" && step.section ? `#${step.section}` : "";
  return (
    <Link
      href={`/courses/${course}/${step.lesson.slug}${hash}`}
      className={className}
      data-testid="course-cta"
    >
      {LABEL[step.kind](step.lesson.part)}
    </Link>
  );
}
