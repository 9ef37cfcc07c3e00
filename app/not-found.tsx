import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase dark:text-brand-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-[var(--fg-muted)]">
        The link may be old, or the lesson may have moved. The course catalog lists everything that is
        published.
      </p>
      <p className="mt-8">
        <Link href="/" className={buttonClassName()}>
          Browse courses
        </Link>
      </p>
    </main>
  );
}
