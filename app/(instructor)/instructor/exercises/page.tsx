import type { Metadata } from "next";
import { ExerciseAnalysisSection } from "@/components/instructor/exercise-analysis";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { requireStaffPage } from "@/lib/instructor/access";
import { exerciseItemAnalysis } from "@/lib/instructor/exercise-item-analysis";

export const metadata: Metadata = { title: "Exercise item analysis", robots: { index: false } };

/** Every exercise's figures from the stored attempts, for instructors and admins only. */
export default async function ExercisesPage() {
  await requireStaffPage("/instructor/exercises");
  const courses = await exerciseItemAnalysis();
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <InstructorNav current="/instructor/exercises" />
      <h1 className="text-3xl font-bold tracking-tight">Exercise item analysis</h1>
      <p className="mt-2 text-[var(--fg-muted)]">
        Attempts on each exercise&apos;s current version only. The pass rate is the share of learners who
        tried and passed; &ldquo;attempts to pass&rdquo; counts each learner&apos;s attempts up to their first
        pass. Hint requests are the hints asked for beyond the first one each failed check shows. Submissions
        are shown without who sent them.
      </p>
      <p className="mt-3">
        <a href="/instructor/exercises/export" download>
          Download all figures as CSV
        </a>
      </p>
      {courses.map((c) => (
        <div key={c.course} data-course={c.course}>
          {courses.length > 1 ? <p className="mt-8 text-lg font-semibold">{c.title}</p> : null}
          {c.reports.length === 0 ? <p className="mt-6">This course has no exercises yet.</p> : null}
          {c.reports.map((r) => (
            <ExerciseAnalysisSection key={`${r.lesson}/${r.analysis.exerciseId}`} report={r} />
          ))}
        </div>
      ))}
    </main>
  );
}
