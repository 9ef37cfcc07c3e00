import Link from "next/link";

/** The footer every page shares. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-[var(--border)]">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-[var(--fg-muted)] sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Lectern — interactive courses, graded on the server, readable anywhere.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/" className="text-[var(--fg-muted)] underline-offset-2 hover:underline">
            All courses
          </Link>
          <Link href="/progress" className="text-[var(--fg-muted)] underline-offset-2 hover:underline">
            Your progress
          </Link>
          <Link href="/about" className="text-[var(--fg-muted)] underline-offset-2 hover:underline">
            About
          </Link>
        </nav>
      </div>
    </footer>
  );
}
