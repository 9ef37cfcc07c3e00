"use client";

import Link from "next/link";
import { useMenu } from "@/components/ui/menu";
import { NAV_LINKS } from "./nav-links";

/** The phone's header menu: the main sections behind one button (the desktop shows them inline). */
export function NavMenu() {
  const menu = useMenu();
  return (
    <div className="relative shrink-0 sm:hidden">
      <button
        {...menu.button}
        className="nav-menu-button inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm font-medium hover:bg-[var(--bg-soft)]"
      >
        Menu <span aria-hidden="true">▾</span>
      </button>
      <div
        {...menu.panel}
        className="absolute left-0 z-40 mt-1 w-48 rounded-lg border border-[var(--border)] bg-[var(--bg)] p-2 text-sm shadow-lg"
      >
        <nav aria-label="Main" className="grid gap-1">
          {NAV_LINKS.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              onClick={menu.close}
              className="rounded px-2 py-1.5 text-[var(--fg)] no-underline hover:bg-[var(--bg-soft)]"
            >
              {link.label}
            </Link>
          ))}
        </nav>
      </div>
      <noscript>
        {/* Without JavaScript the button cannot open (globals.css hides it): plain links instead. */}
        <span className="flex gap-2 text-sm">
          {NAV_LINKS.map((link) => (
            <a key={link.href} href={link.href}>
              {link.label}
            </a>
          ))}
        </span>
      </noscript>
    </div>
  );
}
