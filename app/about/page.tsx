import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "About Lectern",
  description: "What Lectern is, how your progress is kept, and what we store.",
};

/** A plain page: what Lectern is and what it keeps about learners. */
export default function AboutPage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">About Lectern</h1>
      <p className="mt-4">
        Lectern is a course platform for reading technical lessons carefully: code is highlighted on the
        server, quizzes are graded on the server, and interactive tools sit beside the text they explain.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Your progress and your data</h2>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        <li>
          Reading a lesson stores nothing. Your first quiz answer or “Mark as complete” creates an anonymous
          learner record, kept in this browser by a signed cookie.
        </li>
        <li>
          When you create an account or sign in, that record moves into your account, so nothing is lost.
        </li>
        <li>
          You can reset a course’s progress on the progress page, and delete your account (with its progress)
          on the account page.
        </li>
      </ul>
      <p className="mt-8">
        <Link href="/">Browse the courses</Link>
      </p>
    </main>
  );
}
