import type { Metadata } from "next";
import Link from "next/link";
import { ResetProgress } from "@/components/progress/reset-progress";
import { currentLearnerId } from "@/lib/auth/identity";
import { getCatalog } from "@/lib/content/catalog";
import { quizVersion } from "@/lib/content/quiz-public";
import { getAttemptHistory, getCourseProgress } from "@/lib/progress/course-progress";
import { lessonQuizzes } from "@/lib/quiz/lookup";

export const metadata: Metadata = { title: "Your progress", robots: { index: false } };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Every course and lesson with this browser's status, scores and attempt history. */
export default async function ProgressPage() {
  const learnerId = await currentLearnerId();
  const courses = getCatalog();
  if (!learnerId) {
    return (
      <main className="mx-auto max-w-4xl px-4 py-12 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
        <p className="mt-4 text-[var(--fg-muted)]">
          Nothing recorded yet. Take a quiz or mark a part as complete and your progress appears here; no
          account needed.
        </p>
        <p className="mt-6">
          <Link href="/">Browse the courses</Link>
        </p>
      </main>
    );
  }
  const history = await getAttemptHistory(learnerId);
  return (
    <main className="mx-auto max-w-4xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      {
        await Promise.all(
          courses.map(async (course) => {
            const progress = await getCourseProgress(learnerId, course.slug);
            const done = course.lessons.filter((l) => progress.lessons[l.slug]?.completed).length;
            const versions = new Map<string, string>();
            for (const lesson of course.lessons) {
              for (const quiz of (await lessonQuizzes(course.slug, lesson.slug)) ?? [])
                versions.set(`${lesson.slug}/${quiz.id}`, quizVersion(quiz));
            }
            return (
              <section
                key={course.slug}
                aria-labelledby={`course-${course.slug}`}
                className="mt-10"
                data-course={course.slug}
              >
                <h2 id={`course-${course.slug}`} className="text-xl font-semibold">
                  <Link href={`/courses/${course.slug}`}>{course.title}</Link>
                </h2>
                <p className="mt-1 text-[var(--fg-muted)]">
                  {done === course.lessons.length && done > 0 ? "Course complete. " : ""}
                  {done} of {course.lessons.length} parts done
                </p>
                <div className="table-wrap mt-4 overflow-x-auto rounded-lg border border-[var(--border)]">
                  <table className="w-full text-left text-sm">
                    <thead className="bg-[var(--bg-soft)]">
                      <tr>
                        <th scope="col" className="px-3 py-2">
                          Part
                        </th>
                        <th scope="col" className="px-3 py-2">
                          Status
                        </th>
                        <th scope="col" className="px-3 py-2">
                          Best quiz score
                        </th>
                        <th scope="col" className="px-3 py-2">
                          Attempts
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {course.lessons.map((lesson) => {
                        const state = progress.lessons[lesson.slug];
                        const quizKeys = [...versions.keys()].filter((k) => k.startsWith(`${lesson.slug}/`));
                        const current = quizKeys
                          .map((k) => progress.quizzes[k]?.[versions.get(k)!])
                          .filter((s) => s !== undefined);
                        const attempts = current.reduce((n, s) => n + s.attempts, 0);
                        const best = current[0]?.best;
                        return (
                          <tr
                            key={lesson.slug}
                            className="border-t border-[var(--border)]"
                            data-lesson={lesson.slug}
                          >
                            <td className="px-3 py-2">
                              <Link href={`/courses/${course.slug}/${lesson.slug}`}>
                                {lesson.part}. {lesson.title}
                              </Link>
                            </td>
                            <td className="px-3 py-2" data-status>
                              {state?.completed
                                ? `✓ Completed${state.completedAt ? ` ${dateTime.format(new Date(state.completedAt))}` : ""}`
                                : state
                                  ? "In progress"
                                  : "Not started"}
                            </td>
                            <td className="px-3 py-2">{best ? `${best.score}/${best.maxScore}` : "—"}</td>
                            <td className="px-3 py-2">{attempts || "—"}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <ResetProgress course={course.slug} title={course.title} />
              </section>
            );
          }),
        )
      }
      <section aria-labelledby="history" className="mt-12">
        <h2 id="history" className="text-xl font-semibold">
          Quiz attempts
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-[var(--fg-muted)]">No quiz attempts yet.</p>
        ) : (
          <ol className="mt-3 grid gap-2 text-sm">
            {history.map((a) => {
              const lesson = courses
                .find((c) => c.slug === a.course)
                ?.lessons.find((l) => l.slug === a.lesson);
              return (
                <li
                  key={a.id}
                  className="flex flex-wrap gap-x-3 rounded-md border border-[var(--border)] px-3 py-2"
                  data-attempt
                >
                  <span className="font-medium">
                    {lesson ? `Part ${lesson.part}: ${lesson.title}` : a.lesson}
                  </span>
                  <span>
                    {a.score}/{a.maxScore} {a.passed ? "(passed)" : "(not passed)"}
                  </span>
                  <time dateTime={a.at.toISOString()} className="text-[var(--fg-muted)]">
                    {dateTime.format(a.at)} UTC
                  </time>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </main>
  );
}
