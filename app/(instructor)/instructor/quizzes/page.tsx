import type { Metadata } from "next";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { isTaken, QuizAnalysisSection, UntakenQuizzes } from "@/components/instructor/quiz-analysis";
import { requireStaffPage } from "@/lib/instructor/access";
import { itemAnalysis } from "@/lib/instructor/item-analysis";

export const metadata: Metadata = { title: "Quiz item analysis", robots: { index: false } };

/** Every quiz's figures from the stored attempts, for instructors and admins only. */
export default async function QuizzesPage() {
  await requireStaffPage("/instructor/quizzes");
  const courses = await itemAnalysis();
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <InstructorNav current="/instructor/quizzes" />
      <h1 className="text-3xl font-bold tracking-tight">Quiz item analysis</h1>
      <p className="mt-2 text-[var(--fg-muted)]">
        Only attempts on each quiz&apos;s current version are counted together; attempts on earlier versions
        are listed apart. &ldquo;First attempts&rdquo; are each learner&apos;s first attempt on the current
        version. Scores are percentages of the points possible. &ldquo;In review&rdquo; counts learners with
        the question on /review; &ldquo;right after 2–7 days&rdquo; is the share of review answers that were
        right when the card had last been seen 2 to 7 days before.
      </p>
      <p className="mt-3">
        <a href="/instructor/quizzes/export" download>
          Download all figures as CSV
        </a>
      </p>
      {courses.map((c) => (
        <div key={c.course} data-course={c.course}>
          {courses.length > 1 ? <p className="mt-8 text-lg font-semibold">{c.title}</p> : null}
          {c.reports.length === 0 ? <p className="mt-6">This course has no quizzes yet.</p> : null}
          {c.reports.filter(isTaken).map((r) => (
            <QuizAnalysisSection
              key={`${r.lesson}/${r.analysis.quizId}`}
              report={r}
              lessonTitle={r.lessonTitle}
              review={r.review}
            />
          ))}
          <UntakenQuizzes reports={c.reports.filter((r) => !isTaken(r))} />
        </div>
      ))}
    </main>
  );
}
