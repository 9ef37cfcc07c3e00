import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { requireStaffPage } from "@/lib/instructor/access";

export const metadata: Metadata = { title: "Instructor", robots: { index: false } };

const TOOLS = [
  {
    href: "/instructor/preview",
    title: "Live preview",
    text: "Write or paste a lesson and see it rendered exactly as learners will, with every problem located by line and column and each quiz's answer key.",
  },
  {
    href: "/instructor/quizzes",
    title: "Quiz item analysis",
    text: "Attempts, scores and pass rates per quiz; per question the percent correct and the wrong choices learners pick. Download as CSV.",
  },
  {
    href: "/instructor/learners",
    title: "Learners",
    text: "How many learners start each course, complete each part and finish, anonymous and signed-up learners apart.",
  },
] as const;

/** The instructor tools, for instructors and admins only. */
export default async function InstructorPage() {
  await requireStaffPage("/instructor");
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <InstructorNav />
      <h1 className="text-3xl font-bold tracking-tight">Instructor tools</h1>
      <ul className="mt-8 grid gap-4 pl-0">
        {TOOLS.map((t) => (
          <li key={t.href} className="list-none rounded-lg border border-[var(--border)] p-4">
            <h2 className="text-lg font-semibold">
              <Link href={t.href}>{t.title}</Link>
            </h2>
            <p className="mt-1 text-[var(--fg-muted)]">{t.text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
