import type { Metadata } from "next";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { LearnerFunnel } from "@/components/instructor/learner-funnel";
import { requireStaffPage } from "@/lib/instructor/access";
import { learnerOverview } from "@/lib/instructor/learners";

export const metadata: Metadata = { title: "Learners", robots: { index: false } };

/** Per course: learners who started, completed each part and finished. Instructors and admins only. */
export default async function LearnersPage() {
  await requireStaffPage("/instructor/learners");
  const courses = await learnerOverview();
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <InstructorNav current="/instructor/learners" />
      <h1 className="text-3xl font-bold tracking-tight">Learners</h1>
      <p className="mt-2 text-[var(--fg-muted)]">
        A learner has started a course when they have any progress in it (a visit, a quiz attempt or a part
        marked complete). Anonymous learners (no account, progress kept per browser) and signed-up learners
        are counted apart; a learner who signs up later counts as signed up.
      </p>
      {courses.map((c) => (
        <LearnerFunnel key={c.course} course={c.course} title={c.title} funnel={c.funnel} />
      ))}
    </main>
  );
}
