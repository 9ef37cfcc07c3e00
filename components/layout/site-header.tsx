import Link from "next/link";
import { AccountMenu } from "@/components/auth/account-menu";
import { ReviewLink } from "@/components/review/review-link";
import { SearchDialog } from "@/components/search/search-dialog";
import { ThemeToggle } from "@/components/ui/theme-toggle";

/** The header every page shares: product name, navigation, and the header's islands. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-[var(--border)] bg-[var(--bg)]/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-[var(--fg)] no-underline">
          <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="text-brand-500">
            <path fill="currentColor" d="M4 4h16v3H4zM7 9h10l-2 11H9z" />
          </svg>
          <span>Lectern</span>
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 text-sm sm:flex">
          <Link
            href="/"
            className="rounded-md px-1.5 py-1.5 text-[var(--fg-muted)] sm:px-2 no-underline hover:text-[var(--fg)]"
          >
            Courses
          </Link>
          <Link
            href="/progress"
            className="rounded-md px-1.5 py-1.5 text-[var(--fg-muted)] sm:px-2 no-underline hover:text-[var(--fg)]"
          >
            Progress
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          <ReviewLink />
          <SearchDialog />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
