import { AccountMenu } from "@/components/auth/account-menu";
import { ReviewDueBadge, ReviewLink } from "@/components/review/review-link";
import { SearchDialog } from "@/components/search/search-dialog";
import { IntentLink } from "@/components/ui/intent-link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { NAV_LINKS } from "./nav-links";
import { NavMenu } from "./nav-menu";

/** The header every page shares: product name, navigation, and the header's islands. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-[var(--border)] bg-[var(--bg)]/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-3 sm:px-6">
        <IntentLink
          href="/"
          className="flex shrink-0 items-center gap-2 font-semibold text-[var(--fg)] no-underline"
        >
          <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="text-brand-500">
            <path fill="currentColor" d="M4 4h16v3H4zM7 9h10l-2 11H9z" />
          </svg>
          <span>Lectern</span>
        </IntentLink>
        <NavMenu />
        <nav aria-label="Main" className="hidden items-center gap-1 text-sm sm:flex">
          {NAV_LINKS.map((link) =>
            link.href === "/review" ? (
              <ReviewLink key={link.href} />
            ) : (
              <IntentLink
                key={link.href}
                href={link.href}
                className="rounded-md px-2 py-1.5 text-[var(--fg-muted)] no-underline hover:text-[var(--fg)]"
              >
                {link.label}
              </IntentLink>
            ),
          )}
        </nav>
        {/* min-w-0: on a phone a long name in the account button truncates instead of widening the page. */}
        <div className="ml-auto flex min-w-0 items-center gap-1.5 sm:gap-2">
          <ReviewDueBadge />
          <SearchDialog />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
